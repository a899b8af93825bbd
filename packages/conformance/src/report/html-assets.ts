/**
 * The style and the small script of the HTML report, inline (the page is one self-contained file
 * that opens offline): verdict colours, and the filters by verdict, step id and interpretation
 * key, which hide paths and check rows that do not match.
 */

export const REPORT_CSS = `
body{font:14px/1.4 system-ui,sans-serif;margin:0 1.5em 2em;color:#222}
h1{font-size:1.3em;margin:.6em 0 .2em}h2{font-size:1.1em;margin:1.2em 0 .4em}
.summary{margin:.2em 0 .6em}
.finding{border-left:6px solid #c62828;background:#fff4f4;padding:.4em .8em;margin:.4em 0}
.finding.WARNING{border-color:#f9a825;background:#fffbe6}
.finding h3{font-size:1em;margin:0 0 .3em}
code,pre{font:12px/1.35 ui-monospace,monospace}pre{white-space:pre-wrap;margin:.2em 0}
.cmd{background:#263238;color:#eee;padding:.3em .5em;display:block;overflow-x:auto}
.filters{position:sticky;top:0;background:#fafafa;border-bottom:1px solid #ddd;padding:.4em 0;z-index:1}
.filters label{margin-right:.8em}
details.path{border:1px solid #ddd;margin:.3em 0;border-radius:4px}
details.path>summary{cursor:pointer;padding:.3em .5em}
details.path[data-verdict=FAIL]>summary{background:#fdecea}
details.path[data-verdict=WARNING]>summary,details.path[data-verdict=INCONCLUSIVE]>summary{background:#fff8e1}
.v{display:inline-block;min-width:7em;font-weight:600}
.v.FAIL{color:#b71c1c}.v.WARNING,.v.INCONCLUSIVE{color:#8d6e00}.v.PASS{color:#2e7d32}.v.NOT_JUDGED{color:#666}
table{border-collapse:collapse;margin:.3em .5em;font-size:13px}
td,th{border:1px solid #e0e0e0;padding:2px 6px;vertical-align:top;text-align:left}
tr.FAIL td{background:#fdecea}tr.WARNING td,tr.INCONCLUSIVE td{background:#fff8e1}
table.timeline td.differs{background:#ffcdd2;font-weight:600}
.hidden{display:none}:target{outline:3px solid #1565c0}
`;

/** Filters: a path shows when its verdict is ticked and it holds a row that passes every filter. */
export const REPORT_SCRIPT = `
(function(){
  var boxes=[].slice.call(document.querySelectorAll('input[name=verdict]'));
  var step=document.getElementById('filter-step'),key=document.getElementById('filter-key');
  function apply(){
    var on={};boxes.forEach(function(b){on[b.value]=b.checked});
    var s=step.value,k=key.value;
    [].forEach.call(document.querySelectorAll('details.path'),function(p){
      var any=false;
      [].forEach.call(p.querySelectorAll('tr.check'),function(r){
        var ok=on[r.dataset.verdict]&&(!s||r.dataset.step===s)&&(!k||(' '+r.dataset.keys+' ').indexOf(' '+k+' ')>=0);
        r.classList.toggle('hidden',!ok);if(ok)any=true;
      });
      p.classList.toggle('hidden',!on[p.dataset.verdict]||((s||k)&&!any));
    });
  }
  boxes.concat([step,key]).forEach(function(e){e.addEventListener('change',apply)});
  [].forEach.call(document.querySelectorAll('a[href^="#path-"]'),function(a){
    a.addEventListener('click',function(){var d=document.getElementById(a.getAttribute('href').slice(1));if(d)d.open=true});
  });
  apply();
})();
`;
