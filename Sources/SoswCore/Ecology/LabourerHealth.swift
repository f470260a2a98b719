/// sosw's `get_labourer_status`: a labourer is as healthy as its worst metric; no metrics means `high`.
public enum LabourerHealth {
    /// The worst status over `metrics`, each read through `reading` (a per-run cache in the Ecology).
    public static func status(
        of metrics: [HealthMetric], reading: (HealthMetric) throws -> MetricReading
    ) rethrows -> EcoStatus {
        var worst = EcoStatus.high
        for metric in metrics {
            if let status = metric.status(for: try reading(metric)) {
                worst = min(worst, status)
            }
        }
        return worst
    }
}
