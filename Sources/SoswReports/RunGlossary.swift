/// What the figures of a run's reports mean, in one list that `summary.md` and `report.html` both print (and
/// README.md repeats), so that a figure is read as what it measures: "retries" are not every retry, "duplicate
/// executions" are tasks, not runs.
public enum RunGlossary {
    /// Each term with its meaning; text between backticks is a key, a setting or an event name.
    public static let terms: [(term: String, meaning: String)] = [
        ("task latency",
         "From `task.created` (when the batch write that stored the task finished) to `task.archived` (moved to the "
            + "closed table, completed or dead). p50/p90/p99 are nearest-rank percentiles over the tasks archived."),
        ("drain time",
         "From the start of the run to the last task closed (archived), when every task created was closed and no "
            + "load was left to come; a run that stops with open tasks has none (\"not drained\")."),
        ("invocations",
         "Tasks invoked by the Orchestrator (`task.invoked`): first attempts and sosw retries, not Lambda's own retries."),
        ("expired",
         "Tasks the Scavenger found still unfinished after their expiry window (`duration` + `cooldown` after the "
            + "invocation), whether the worker had failed, hung, was slow or had not started yet."),
        ("retries",
         "sosw's retries: expired tasks the Scavenger moved to the retry table to be invoked again after the retry "
            + "delay. Lambda's own retries are not in this figure."),
        ("Lambda async retries",
         "Lambda's own re-runs of a failed or timed-out async event (up to the function's `max_retry_attempts`, "
            + "within its `max_event_age`), counted apart (`lambda_async_retries`): sosw does not see them."),
        ("duplicate executions",
         "Tasks whose work ran more than once: the labourer's function started more than one execution for the same "
            + "task, whatever the cause (a sosw retry of a worker that was only slow or still queued in Lambda, "
            + "Lambda's retry, a duplicate delivery). `extra_executions` counts the runs beyond the first."),
        ("peak running, mean running",
         "Executions of the labourer's function running at once: the most, and the time-weighted mean over the run."),
        ("cap, cap utilisation",
         "The cap is `max_simultaneous_invocations`, the most executions the Orchestrator keeps running at full "
            + "health; cap utilisation is mean running ÷ cap. A cap of 0 means the labourer's tasks are never invoked."),
        ("health levels",
         "The Orchestrator's reading of a labourer's health metrics: 0 bad, 1 poor, 2 moderate, 3 good, 4 high. "
            + "Each level lets it use a share of the cap (`invocation_number_coefficient`, by default 0, 0, 0.5, "
            + "0.75, 1); the reports give the time spent at each."),
        ("throttles",
         "Times Lambda found no concurrency for a function's execution (account limit or reserved concurrency): "
            + "async events are put back and tried again by Lambda, unseen by sosw."),
    ]

    /// The glossary as a Markdown section.
    public static var markdown: String {
        var text = "\n## Glossary\n\n"
        for (term, meaning) in terms {
            text += "- **\(term)**: \(meaning)\n"
        }
        return text
    }

    /// The glossary as an HTML section, with keys between backticks set as code.
    public static var html: String {
        var text = "<section class=\"block\" id=\"glossary\">\n<h2>Glossary</h2>\n<dl class=\"glossary\">\n"
        for (term, meaning) in terms {
            text += "<dt>\(Markup.escape(term))</dt><dd>\(codeSpans(meaning))</dd>\n"
        }
        return text + "</dl>\n</section>\n"
    }

    /// Escapes `text` and sets every part between backticks in `<code>`.
    static func codeSpans(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
            index % 2 == 1 ? "<code>\(Markup.escape(String(part)))</code>" : Markup.escape(String(part))
        }.joined()
    }
}
