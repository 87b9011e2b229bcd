/**
 * Hostile Markdown/HTML inputs. Shared by the unit tests of renderMarkdown and, later, an
 * end-to-end test that renders them in a real browser.
 */
export const XSS_PAYLOADS: readonly string[] = [
	// Plain script tags
	'<script>alert(1)</script>',
	'<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
	'> <script>alert(1)</script>',
	// Images and event handlers
	'<img src=x onerror=alert(1)>',
	'![x](https://evil.example/a.png" onerror="alert(1))',
	'![x](javascript:alert(1))',
	'<p onclick="alert(1)">click</p>',
	'<strong onmouseover=alert(1)>hover</strong>',
	'<a href="https://ok.example" onclick="alert(1)">x</a>',
	'<details open ontoggle=alert(1)>x</details>',
	'<body onload=alert(1)>',
	'<video><source onerror=alert(1)></video>',
	'| a |\n|---|\n| <img src=x onerror=alert(1)> |',
	'`code` <img src=x onerror=alert(1)>',
	// javascript: links in every spelling
	'[x](javascript:alert(1))',
	'[x](JaVaScRiPt:alert(1))',
	'[x](javascript&#58;alert(1))',
	'[x](&#106;avascript:alert(1))',
	'[x](<javascript:alert(1)>)',
	'<a href="&#x6A;avascript&#x3A;alert(1)">x</a>',
	'<a href="javas&#99;ript:alert(1)">x</a>',
	'<a href="javascript&colon;alert(1)">x</a>',
	'<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
	'<a href="java\tscript:alert(1)">x</a>',
	'<a href=" javascript:alert(1)">x</a>',
	'<javascript:alert(1)>',
	'[x][evil]\n\n[evil]: javascript:alert(1)',
	'[x][evil]\n\n[evil]: <javascript:alert(1)> "title"',
	// Other dangerous schemes
	'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'<a href="data:text/html,<script>alert(1)</script>">x</a>',
	'[x](vbscript:msgbox(1))',
	'<a href="VBScript:msgbox(1)">x</a>',
	'<a href="//evil.example">protocol-relative</a>',
	// Embedding elements
	'<svg onload=alert(1)>',
	'<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	'<object data="javascript:alert(1)"></object>',
	'<embed src="javascript:alert(1)">',
	'<style>body{background:url(javascript:alert(1))}</style>',
	'<a href="https://ok.example" style="position:fixed;inset:0" class="x" id="y">x</a>',
	// mXSS: parser differentials between the sanitiser and the browser
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
	'<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
	'<xmp><script>alert(1)</script></xmp>',
	'<textarea><script>alert(1)</script></textarea>',
	'<template><script>alert(1)</script></template>',
	// Nested and malformed markup
	'<<script>script>alert(1)<</script>/script>',
	'<scr<script>ipt>alert(1)</scr</script>ipt>',
	'<a href="x" onclick=alert(1)>x</a>',
	'<img src=x onerror=alert(1)',
	'<p title="</p><script>alert(1)</script>">x</p>',
	'```\n</code></pre><script>alert(1)</script>\n```',
	// Comments
	'<!-- --><script>alert(1)</script><!-- -->',
	'<!--<img src=x onerror=alert(1)>-->',
	// Forms, base, meta
	'<form action="javascript:alert(1)"><input type="submit" onfocus=alert(1) autofocus></form>',
	'<base href="javascript:alert(1)//">',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'
];
