// tests/browser/lib.js: what the browser checks share: TAP output, Debian's
// Chromium through playwright-core, axe-core injected into a page, the Nu
// HTML Checker (vnu.jar) run once over many saved pages, and page checks
// (structure, reflow) that axe does not make.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { chromium } = require('playwright-core');

const HERE = __dirname;
const OUT = path.join(HERE, 'out');
const BASE = (process.env.RCHUB_TEST_URL || 'http://127.0.0.1:18080').replace(/\/$/, '');

// ---- TAP: one line per check, diagnostics as "# " lines after it ---------
let count = 0;
let failures = 0;
function report(ok, name, details) {
	count++;
	if (!ok) failures++;
	console.log(`${ok ? 'ok' : 'not ok'} ${count} - ${name.replace(/\s+/g, ' ').replace(/#/g, '№')}`);
	for (const line of [].concat(details || []))
		for (const l of String(line).split('\n')) if (l) console.log(`#   ${l}`);
}
function note(text) {
	console.log(`# ${text}`);
}
function plan() {
	console.log(`1..${count}`);
	return failures;
}
// Runs fn as one named check: a throw is a failure naming the error.
async function check(name, fn) {
	try {
		const r = await fn();
		if (r === undefined || r === true) report(true, name);
		else if (r === false) report(false, name);
		else report(r.ok, r.ok ? name : `${name}: ${r.why}`, r.details);
	} catch (e) {
		report(false, `${name}: ${firstLine(e.message)}`, e.stack ? e.stack.split('\n').slice(1, 4) : []);
	}
}
function firstLine(s) {
	return String(s).split('\n')[0].slice(0, 200);
}

// ---- The browser ----------------------------------------------------------
// Debian's chromium, headless, no network beyond the test stack, a fresh
// profile (--user-data-dir) removed afterwards.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
	'--no-first-run', '--disable-dev-shm-usage'];

// playwright-core starts it with a fresh --user-data-dir of its own (it
// refuses one passed in args) and removes it when the browser closes.
async function launch() {
	return chromium.launch({ executablePath: CHROMIUM, headless: true, chromiumSandbox: false, args: CHROMIUM_ARGS });
}

// A context (own cookies) whose pages record console errors, failed
// requests and requests to anything but the test stack.
async function newContext(browser, cookies) {
	const ctx = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'ru-RU',
		baseURL: BASE,
	});
	ctx.setDefaultTimeout(15000);
	if (cookies && cookies.length)
		await ctx.addCookies(cookies.map(([name, value]) => ({ name, value, url: BASE })));
	return ctx;
}

// Watches a page: console errors (CSP refusals among them) and requests
// that leave the test stack.
function watch(page) {
	const w = { errors: [], foreign: [] };
	// The page's own status (a 404 page) is logged as an error: resources
	// that fail are caught by the response handler instead.
	page.on('console', (m) => {
		if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) w.errors.push(firstLine(m.text()));
	});
	page.on('response', (r) => {
		if (r.status() >= 400 && r.request().resourceType() !== 'document') w.errors.push(`${r.status()} for ${r.url()}`);
	});
	page.on('pageerror', (e) => w.errors.push(firstLine(e.message)));
	page.on('request', (r) => {
		const u = r.url();
		if (!u.startsWith(BASE + '/') && !u.startsWith('data:') && !u.startsWith('about:')) w.foreign.push(u);
	});
	w.reset = () => { w.errors.length = 0; w.foreign.length = 0; };
	return w;
}

// ---- axe-core ---------------------------------------------------------------
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Runs axe on the page; evaluate() is not subject to the page's CSP, so the
// site keeps its strict policy during the test. onlyRules narrows the run.
async function axe(page, onlyRules) {
	await page.evaluate(AXE_SOURCE);
	const options = { resultTypes: ['violations'] };
	if (onlyRules) options.runOnly = { type: 'rule', values: onlyRules };
	const res = await page.evaluate((o) => window.axe.run(document, o), options);
	return res.violations;
}

// "color-contrast ×3 (.tag-paid, .muted)": what broke, short, for a TAP line;
// the details list every node.
function describeViolations(violations) {
	const summary = violations.map((v) => {
		const targets = [...new Set(v.nodes.slice(0, 3).map((n) => [].concat(n.target).join(' ')))];
		return `${v.id} ×${v.nodes.length} (${targets.join(', ')})`;
	}).join('; ');
	const details = [];
	for (const v of violations) {
		details.push(`${v.id} [${v.impact}]: ${v.help}`);
		for (const n of v.nodes.slice(0, 10))
			details.push(`  ${[].concat(n.target).join(' ')}: ${firstLine(n.failureSummary || '')}`);
	}
	return { summary, details };
}

// ---- The Nu HTML Checker ----------------------------------------------------
const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

// Validates files in one Java run; returns { file: [error messages] }.
// vnu writes its JSON report to stderr.
function vnuErrors(files) {
	const r = spawnSync('java', ['-Xss4m', '-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files],
		{ encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
	if (r.error || r.status !== 0) throw new Error(`vnu.jar did not run: ${r.error ? r.error.message : firstLine(r.stderr)}`);
	return parseVnu(r.stderr, files);
}
function parseVnu(json, files) {
	const result = Object.fromEntries(files.map((f) => [f, []]));
	const report = JSON.parse(json || '{"messages":[]}');
	for (const m of report.messages) {
		if (m.type !== 'error' && m.type !== 'non-document-error') continue;
		const file = m.url ? decodeURIComponent(m.url.replace(/^file:/, '')) : '';
		const key = files.find((f) => path.resolve(f) === path.resolve(file)) || files[0];
		result[key].push(`line ${m.lastLine || '?'}: ${m.message}${m.extract ? ` — «${m.extract.trim().slice(0, 80)}»` : ''}`);
	}
	return result;
}

// ---- Checks axe does not make -----------------------------------------------
// Page structure as every page of the site should have it.
async function structure(page, expect) {
	return page.evaluate((exp) => {
		const problems = [];
		const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
		if (document.documentElement.lang !== 'ru') problems.push(`lang is "${document.documentElement.lang}", not "ru"`);
		const h1 = [...document.querySelectorAll('h1')].filter(visible);
		if (h1.length !== 1) problems.push(`${h1.length} visible h1 instead of one`);
		for (const [sel, what] of [['header', 'header (banner)'], ['main#main', 'main#main'], ['footer', 'footer (contentinfo)'], ['nav[aria-label]', 'a labelled nav']])
			if (document.querySelectorAll(sel).length < 1) problems.push(`no ${what}`);
		if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one main');
		const first = document.querySelector('a[href], button, input:not([type=hidden]), select, textarea');
		if (!first || !first.classList.contains('skip-link') || first.getAttribute('href') !== '#main')
			problems.push('the first focusable element is not the skip link to #main');
		if (!document.title.includes('—')) problems.push(`title "${document.title}" does not name the page and the site`);
		const a11yOn = document.documentElement.classList.contains('a11y');
		if (exp.a11y !== a11yOn) problems.push(exp.a11y ? 'html has no a11y class' : 'html has the a11y class in the normal version');
		if (exp.a11y) {
			if (!document.querySelector('nav.a11y-panel')) problems.push('no settings panel of the version for the visually impaired');
		} else {
			const link = [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === 'Версия для слабовидящих');
			if (!link || !link.getAttribute('href').startsWith('/accessibility')) problems.push('no link «Версия для слабовидящих»');
		}
		const print = [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === 'Печать');
		if (exp.print && !print) problems.push('no «Печать» link on a content page');
		if (!exp.print && print) problems.push('a «Печать» link on a form or error page');
		return problems;
	}, expect);
}

// Horizontal scrolling at the current viewport: the page and the elements
// that stick out of it.
async function overflow(page) {
	return page.evaluate(() => {
		const doc = document.documentElement;
		const width = doc.clientWidth;
		if (doc.scrollWidth <= width + 1) return null;
		const culprits = [];
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.right > width + 1 && r.width > 0 && getComputedStyle(el).position !== 'absolute') {
				const parentOut = el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1;
				if (!parentOut || culprits.length === 0)
					culprits.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(r.right)} px)`);
			}
			if (culprits.length >= 4) break;
		}
		return { scrollWidth: doc.scrollWidth, width, culprits };
	});
}

// Runs the async tasks, at most n at a time.
async function pool(tasks, n) {
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) await tasks[next++]();
	};
	await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, worker));
}

function slug(s) {
	return s.replace(/^\//, '').replace(/[^a-zA-Z0-9а-яА-Я]+/g, '-').replace(/^-|-$/g, '') || 'home';
}

module.exports = {
	BASE, OUT, report, note, plan, check, launch, newContext, watch, axe, describeViolations,
	vnuErrors, structure, overflow, pool, slug, firstLine,
};
