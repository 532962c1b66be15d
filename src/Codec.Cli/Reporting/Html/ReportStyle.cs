namespace Codec.Cli.Reporting.Html;

/// <summary>
/// The report's stylesheet and its one small script, inlined into every report. Colours are CSS variables with a
/// light and a dark set (the reader's <c>prefers-color-scheme</c>), and the charts take theirs from the same variables.
/// </summary>
public static class ReportStyle
{
    public const string Css = """
:root{--bg:#fff;--fg:#1d2127;--muted:#5d6470;--line:#d8dce2;--panel:#f5f7fa;--accent:#2f6fd0;--accent2:#9bb9e8;--err:#c62828;--warn:#a86400;--info:#00707a;--ok:#2e7d32}
@media (prefers-color-scheme:dark){:root{--bg:#15181d;--fg:#e4e7eb;--muted:#9aa3ad;--line:#323841;--panel:#1e232a;--accent:#6ea3ff;--accent2:#3a5a8c;--err:#ff6b6b;--warn:#f0b34a;--info:#4fd1db;--ok:#6fcf73}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
header,main,footer{max-width:1180px;margin:0 auto;padding:0 20px}header{padding-top:18px}h1{margin:0 0 2px;font-size:22px}h2{margin:28px 0 8px;font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
.muted{color:var(--muted)}code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12.5px}pre{background:var(--panel);padding:8px;border-radius:4px;overflow:auto;white-space:pre-wrap}
a{color:var(--accent)}footer{padding:24px 20px}
.verdict{font-size:20px;font-weight:600;padding:10px 14px;border-radius:6px;margin:14px 0}.verdict.pass{background:color-mix(in srgb,var(--ok) 15%,transparent);color:var(--ok)}.verdict.fail{background:color-mix(in srgb,var(--err) 15%,transparent);color:var(--err)}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:110px;display:flex;flex-direction:column}.card .n{font-size:20px;font-weight:600}.card.e .n{color:var(--err)}.card.w .n{color:var(--warn)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{font-weight:600;color:var(--muted)}.r{text-align:right}
table.codes tbody tr{cursor:pointer}table.codes tbody tr:hover,table.codes tbody tr.active{background:var(--panel)}
.sev{font-size:11.5px;font-weight:600;text-transform:uppercase;letter-spacing:.02em}.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
tr.moved td{background:color-mix(in srgb,var(--warn) 10%,transparent)}.bad{color:var(--err)}
details.file{border:1px solid var(--line);border-radius:6px;margin:6px 0;background:var(--panel)}details.file summary{padding:6px 10px;cursor:pointer}details.file table{background:var(--bg)}td.loc{white-space:nowrap;color:var(--muted)}
.controls button{font:inherit;padding:2px 10px}
.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{margin:0;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:6px}
.chart svg{display:block;max-width:100%;height:auto}.chart text{fill:var(--fg);font-size:10.5px}.chart .ttl{font-weight:600;font-size:11.5px}.chart .lbl{fill:var(--muted)}
.chart .bar{fill:var(--accent)}.chart .bar:hover{fill:var(--accent2)}.chart .base{fill:none;stroke:var(--fg);stroke-width:1.3;stroke-dasharray:3 2}.chart .axis{stroke:var(--muted);stroke-width:1}.chart .grid{stroke:var(--line);stroke-dasharray:2 3}
.chart .med{stroke:var(--fg);stroke-width:2}.chart .diag{stroke:var(--muted);stroke-dasharray:4 3}.chart .pt{fill:var(--accent)}.chart .pt.bad{fill:var(--err)}.chart line.bad{stroke:var(--err);stroke-width:1.5}
.thumbs{display:flex;flex-wrap:wrap;gap:12px}.thumb{margin:0;width:260px;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:6px}.thumb img{width:100%;height:auto;display:block;background:#202020}.thumb figcaption{font-size:12px;margin-top:4px}.thumb.missing div{height:120px;display:flex;align-items:center;justify-content:center;text-align:center}
article{border-top:1px solid var(--line);padding:4px 0}article:target{background:color-mix(in srgb,var(--accent) 10%,transparent)}
[hidden]{display:none!important}
""";

    // Filters the findings by the code chosen in the code table (and hides infos unless asked). Plain DOM, no library.
    public const string Script = """
(function(){
  var rows=[].slice.call(document.querySelectorAll('table.findings tr[data-code]'));
  var files=[].slice.call(document.querySelectorAll('details.file'));
  var codes=[].slice.call(document.querySelectorAll('tr[data-filter]'));
  var state=document.getElementById('filter-state'), hideInfo=document.getElementById('hide-info'), all=document.getElementById('show-all');
  var chosen=null;
  function apply(){
    var skipInfo=hideInfo&&hideInfo.checked&&chosen===null;
    rows.forEach(function(r){r.hidden=(chosen!==null&&r.getAttribute('data-code')!==chosen)||(skipInfo&&r.classList.contains('info'));});
    files.forEach(function(f){var any=[].some.call(f.querySelectorAll('tr[data-code]'),function(r){return !r.hidden;});f.hidden=!any;if(chosen!==null&&any)f.open=true;});
    codes.forEach(function(c){c.classList.toggle('active',c.getAttribute('data-filter')===chosen);});
    var shown=rows.some(function(r){return !r.hidden;});
    if(state)state.textContent=chosen!==null?'Only '+chosen+'.':shown?'All findings.':'Only infos here: untick "hide infos" to list them.';
  }
  codes.forEach(function(c){
    function pick(){chosen=chosen===c.getAttribute('data-filter')?null:c.getAttribute('data-filter');apply();var f=document.getElementById('findings');if(chosen!==null&&f)f.scrollIntoView();}
    c.addEventListener('click',function(e){if(e.target.tagName!=='A')pick();});
    c.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();pick();}});
  });
  if(all)all.addEventListener('click',function(){chosen=null;apply();});
  if(hideInfo)hideInfo.addEventListener('change',apply);
  apply();
  // Said last: a page whose script stopped on an error never says it is ready.
  document.documentElement.setAttribute('data-report-ready','1');
})();
""";
}
