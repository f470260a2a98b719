/// The style sheet and the optional hover script `report.html` carries inline (the page loads nothing from
/// the network). The script only adds a value read-out under the pointer; every chart is complete SVG
/// without it. It avoids `<` and `&` so the page stays well-formed XML, and writes names with
/// `textContent`, never as markup.
enum HTMLReportAssets {
    static let styleSheet = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f3f4f6; color: #111827; font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; }
        main { max-width: 1240px; margin: 0 auto; padding: 24px 20px 48px; }
        header.run { background: #ffffff; border: 1px solid #e5e7eb; border-radius: 10px; padding: 20px 24px; }
        h1 { margin: 0 0 6px; font-size: 24px; }
        h2 { margin: 32px 0 12px; font-size: 19px; }
        h3 { margin: 20px 0 8px; font-size: 15px; }
        p.description { margin: 0 0 16px; color: #374151; max-width: 90ch; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 10px 24px; margin: 0; }
        dl.facts div { min-width: 0; }
        dt { color: #6b7280; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
        dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
        code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
        .badge { display: inline-block; padding: 1px 10px; border-radius: 999px; font-weight: 600; font-size: 13px; }
        .good { background: #dcfce7; color: #166534; }
        .bad { background: #fee2e2; color: #991b1b; }
        nav.contents { margin-top: 16px; font-size: 13px; }
        nav.contents a { margin-right: 14px; color: #1d4ed8; }
        section.block { background: #ffffff; border: 1px solid #e5e7eb; border-radius: 10px; padding: 4px 20px 20px; margin-top: 20px; }
        .stats { display: flex; flex-wrap: wrap; gap: 8px 22px; margin: 4px 0 12px; color: #374151; }
        .stats b { color: #111827; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 14px; }
        svg.chart { width: 100%; height: auto; display: block; border: 1px solid #f3f4f6; border-radius: 6px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { padding: 5px 10px; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
        th { color: #6b7280; font-weight: 600; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        td.bar { width: 28%; }
        td.bar span { display: block; height: 10px; border-radius: 3px; background: #93c5fd; }
        tr.total td { font-weight: 600; border-bottom: none; }
        footer { margin-top: 28px; color: #6b7280; font-size: 12px; }
        div.tip { position: absolute; display: none; pointer-events: none; background: #111827; color: #f9fafb; padding: 6px 9px; border-radius: 6px; font-size: 12px; line-height: 1.45; }
        """

    static let hoverScript = """
        (function () {
          var tip = document.createElement('div');
          tip.className = 'tip';
          document.body.appendChild(tip);
          function label(minute) {
            if (60 > minute) { return minute + 'm'; }
            var rest = minute % 60;
            return Math.floor(minute / 60) + 'h' + (rest ? ' ' + rest + 'm' : '');
          }
          document.querySelectorAll('svg[data-series]').forEach(function (svg) {
            var plot = svg.getAttribute('data-plot').split(' ').map(Number);
            var first = Number(svg.getAttribute('data-first-minute'));
            var series = JSON.parse(svg.getAttribute('data-series'));
            var guide = svg.querySelector('.guide');
            function hide() {
              tip.style.display = 'none';
              guide.setAttribute('visibility', 'hidden');
            }
            svg.addEventListener('mouseleave', hide);
            svg.addEventListener('mousemove', function (event) {
              var box = svg.getBoundingClientRect();
              var x = (event.clientX - box.left) * svg.viewBox.baseVal.width / box.width;
              var fraction = (x - plot[0]) / (plot[1] - plot[0]);
              if (fraction > 1 || 0 > fraction) { hide(); return; }
              var minute = Math.round(plot[2] + fraction * (plot[3] - plot[2]));
              var lines = ['at ' + label(minute)];
              series.forEach(function (entry) {
                var value = entry[1][minute - first];
                lines.push(entry[0] + ': ' + (value === null || value === undefined ? '–' : value));
              });
              tip.textContent = '';
              lines.forEach(function (line) {
                var row = document.createElement('div');
                row.textContent = line;
                tip.appendChild(row);
              });
              tip.style.display = 'block';
              tip.style.left = (event.pageX + 14) + 'px';
              tip.style.top = (event.pageY + 14) + 'px';
              var guideX = plot[0] + (minute - plot[2]) / (plot[3] - plot[2]) * (plot[1] - plot[0]);
              guide.setAttribute('x1', guideX);
              guide.setAttribute('x2', guideX);
              guide.setAttribute('visibility', 'visible');
            });
          });
        })();
        """
}
