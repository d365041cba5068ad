"""The pages' one stylesheet, inline in every page: a page is whole on its own (saved,
printed, mirrored, opened from disk), loads nothing from anywhere, and needs no script.

Readable from 360 px up (one column, text that wraps, long numbers broken anywhere), in
the system's fonts, with contrast above WCAG AA; on paper (`@media print`): black on white,
a serif, no navigation, the addresses of links written out, figures kept whole.
"""

CSS = """\
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:#1b1b1b;background:#fff;font:1.0625rem/1.6 system-ui,-apple-system,\
"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
.wrap{max-width:44rem;margin:0 auto;padding:0 1rem}
a{color:#0a4a94}
a:hover{color:#062f5f}
a:focus-visible{outline:3px solid #0a4a94;outline-offset:2px}
.skip{position:absolute;left:-100vw;top:0}
.skip:focus{left:.5rem;top:.5rem;z-index:1;background:#fff;padding:.5rem .75rem}
.site-head{background:#7a1212;color:#fff}
.site-head .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;align-items:baseline;\
padding-top:.6rem;padding-bottom:.6rem}
.site-name{margin:0;font-weight:700;font-size:1.05rem}
.site-head a{color:#fff}
.site-head ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0;list-style:none}
main.wrap{padding-top:1rem;padding-bottom:2rem}
h1{font-size:1.6rem;line-height:1.25;margin:.4rem 0 .6rem;overflow-wrap:break-word}
h2{font-size:1.2rem;line-height:1.3;margin:1.6rem 0 .5rem}
h3,h4,h5,h6{font-size:1.05rem;margin:1.2rem 0 .4rem}
.kicker{margin:0;font-size:.9rem;font-weight:700;letter-spacing:.02em;text-transform:uppercase;\
color:#7a1212}
.number{display:inline-block;max-width:100%;font-variant-numeric:tabular-nums;\
overflow-wrap:anywhere}
.meta{color:#474747;font-size:.92rem;margin:.2rem 0}
time{white-space:nowrap}
.meta a{color:#0a4a94}
figure{margin:1.2rem 0}
img{max-width:100%;height:auto}
figcaption{font-size:.92rem;color:#474747;margin-top:.3rem}
.body{overflow-wrap:break-word}
.body blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #bbb}
.body pre{overflow-x:auto;white-space:pre-wrap}
.notice{margin:1rem 0;padding:.6rem .9rem;border-left:5px solid #9a6700;background:#fff8e6}
.notice h2{margin-top:.2rem;font-size:1.05rem}
.notice ol,.notice ul{margin:.3rem 0;padding-left:1.2rem}
.retracted{border-left-color:#a40e26;background:#fdeef0}
.mark{color:#a40e26;font-weight:700}
.releases{list-style:none;margin:0;padding:0}
.releases li{border-top:1px solid #d6d6d6;padding:.7rem 0}
.releases h2,.releases h3{font-size:1.1rem;margin:.1rem 0}
.releases p{margin:.2rem 0}
.archive{columns:2 12rem;padding-left:1.2rem}
.verify{margin-top:1.5rem;font-size:.92rem;color:#474747;overflow-wrap:anywhere}
.answer{font-size:1.15rem;font-weight:700}
.answer.no{color:#a40e26}
form.lookup{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}
form.lookup label{display:block;width:100%;font-weight:700}
form.lookup input{font:inherit;padding:.4rem .5rem;border:2px solid #595959;min-width:0;\
flex:1 1 14rem}
form.lookup button{font:inherit;padding:.4rem 1rem;border:2px solid #0a4a94;background:#0a4a94;\
color:#fff}
.site-foot{border-top:1px solid #d6d6d6;padding:1rem 0 2rem;font-size:.92rem}
.site-foot h2{font-size:1rem;margin:.2rem 0}
address{font-style:normal}
@media print{
@page{margin:2cm}
body{font:11pt/1.45 Georgia,"DejaVu Serif",serif;color:#000}
.skip,.site-head ul,form.lookup,.archive{display:none}
.site-head{background:none;color:#000;border-bottom:2px solid #000}
.site-head a,a{color:#000;text-decoration:none}
.body a[href]::after,.attachments a[href]::after{content:" <" attr(href) ">";font-size:9pt;\
overflow-wrap:anywhere}
.notice{border:1pt solid #000;background:none}
.mark,.kicker,.meta,figcaption,.verify{color:#000}
figure,.notice{break-inside:avoid}
h1,h2{break-after:avoid}
}
"""
