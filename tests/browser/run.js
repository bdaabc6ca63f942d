// tests/browser/run.js: rchub in a real browser (Debian's Chromium driven by
// playwright-core) against the running test stack at RCHUB_TEST_URL.
//  1. flows as a person does them: catalogue search and filters, a service,
//     registration and sign-in, the version for the visually impaired, print,
//     keyboard-only forms;
//  2. every public page and form in the normal version and in the version for
//     the visually impaired: axe-core (zero violations), the Nu HTML Checker
//     (zero errors), page structure, no horizontal scrolling at 360 px and at
//     200 % zoom, contrast in every colour scheme; screenshots at 360 and
//     1280 px under tests/browser/out/;
//  3. HTTP rules of the a11y cookie: strict parsing, private responses, the
//     nginx micro-cache bypass, no open redirect.
// Output is TAP, one line per check naming the page, the mode and what broke.
'use strict';

const fs = require('fs');
const path = require('path');
const L = require('./lib');
const { BASE, OUT, check, report, note } = L;

// The version for the visually impaired as the cookie spells it. "a11y" is
// the hardest on layouts (largest type, widest spacing, images off) and gets
// every check; the other schemes get the contrast and reflow checks.
const A11Y_COOKIE = 'rchub_a11y';
const MODES = {
	normal: null,
	a11y: 'fs-3.ff-serif.cs-wb.img-off.ls-2.lh-2',
	'a11y-blue': 'fs-1.ff-sans.cs-blue.img-on.ls-1.lh-1',
	'a11y-brown': 'fs-2.ff-serif.cs-brown.img-on.ls-2.lh-1',
	'a11y-bw': 'fs-1.ff-sans.cs-bw.img-off.ls-1.lh-2',
};
const FULL_MODES = ['normal', 'a11y'];
// The other schemes recolour every element alike: they are checked on the
// pages that between them hold every component (cards, tags, filters, the
// registry table, forms, swatches, notices).
const SCHEME_MODES = ['a11y-blue', 'a11y-brown', 'a11y-bw'];
const CATALOGUE_BUDGET = 60 * 1024; // bytes of the catalogue page's HTML + CSS
const JOBS = Number(process.env.RCHUB_BROWSER_JOBS) || 2; // pages checked at once

const stamp = Date.now().toString(36);
const memberAccount = { name: 'Проверка Браузерова', email: `browser-${stamp}@example.org`, password: 'браузер-пароль-2024' };

function modeCookies(mode) {
	return MODES[mode] ? [[A11Y_COOKIE, MODES[mode]]] : [];
}

// ---- Which pages exist ------------------------------------------------------
// The fixed public pages, one of each detail page found by following links,
// and the optional sections (news, events, ...) when the stack has them.
async function discover(ctx) {
	const page = await ctx.newPage();
	const firstLink = async (url, re) => {
		const resp = await page.goto(url);
		if (!resp || resp.status() !== 200 || !/text\/html/.test(resp.headers()['content-type'] || '')) return null;
		const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')));
		return hrefs.find((h) => re.test(h)) || '';
	};
	const pages = [
		{ path: '/', print: true, schemes: true },
		{ path: '/centres', print: true },
	];
	const centre = await firstLink('/centres', /^\/centres\/[a-z0-9-]+$/);
	if (centre) pages.push({ path: centre, print: true, label: '/centres/{slug}' });
	const service = await firstLink('/services', /^\/services\/\d+$/);
	const district = await page.$eval('#f-district option:nth-child(2)', (o) => o.value).catch(() => '');
	pages.push({ path: '/services', print: true });
	pages.push({ path: `/services?q=${encodeURIComponent('консультация')}&district=${district}&cost=free`, print: true, label: '/services?q&district&cost', schemes: true });
	pages.push({ path: `/services?q=${encodeURIComponent('несуществующее слово щщщ')}`, print: true, label: '/services (nothing found)', schemes: true });
	if (service) pages.push({ path: service, print: true, label: '/services/{id}', schemes: true });
	const ngo = await firstLink('/ngos', /^\/ngos\/\d+$/);
	pages.push({ path: '/ngos', print: true, schemes: true });
	pages.push({ path: `/ngos?district=${district}`, print: true, label: '/ngos?district' });
	if (ngo) pages.push({ path: ngo, print: true, label: '/ngos/{id}' });
	pages.push({ path: '/login', print: false });
	pages.push({ path: '/register', print: false, schemes: true });
	pages.push({ path: '/policy', print: true });
	pages.push({ path: '/accessibility', print: false, schemes: true });
	pages.push({ path: '/no-such-page', print: false, status: 404, label: '404', schemes: true });
	if (service) pages.push({ path: `${service}?print=1`, print: false, label: '/services/{id}?print=1' });
	for (const [list, re] of [['/news', /^\/news\/\d+$/], ['/events', /^\/events\/\d+$/], ['/projects', /^\/projects\/\d+$/],
		['/quality', null], ['/survival', null], ['/opendata', null]]) {
		const detail = await firstLink(list, re || /^$/);
		if (detail === null) continue;
		pages.push({ path: list, print: true, schemes: list === '/events' });
		if (detail) pages.push({ path: detail, print: true, label: `${list}/{id}` });
	}
	await page.close();
	return { pages, service, district };
}

// ---- Every page in every mode -------------------------------------------------
const htmlFiles = []; // [file, label] for the Nu HTML Checker
const foreign = new Set();

async function checkPage(ctx, p, mode) {
	const label = `${p.label || p.path} [${mode}]`;
	const page = await ctx.newPage();
	const w = L.watch(page);
	try {
		const resp = await page.goto(p.path, { waitUntil: 'load' });
		const status = resp.status();
		const want = p.status || 200;
		if (status !== want) {
			report(false, `load ${label}: status ${status}, expected ${want}`);
			return;
		}
		const name = `${L.slug(p.label || p.path)}-${mode}`;
		if (FULL_MODES.includes(mode)) {
			const file = path.join(OUT, 'html', `${name}.html`);
			fs.writeFileSync(file, await resp.text());
			htmlFiles.push([file, label]);
		}
		const violations = await L.axe(page, FULL_MODES.includes(mode) ? null : ['color-contrast']);
		const d = L.describeViolations(violations);
		report(violations.length === 0, `axe ${label}${FULL_MODES.includes(mode) ? '' : ' (contrast)'}${violations.length ? ': ' + d.summary : ': no violations'}`, d.details);

		if (FULL_MODES.includes(mode)) {
			const problems = await L.structure(page, { a11y: mode !== 'normal', print: p.print });
			if (w.errors.length) problems.push(`console: ${w.errors.slice(0, 3).join(' | ')}`);
			report(problems.length === 0, `structure ${label}${problems.length ? ': ' + problems.join('; ') : ': lang, one h1, landmarks, skip link, settings and print links'}`);
			await page.screenshot({ path: path.join(OUT, 'screenshots', `${name}-1280.png`), fullPage: true });
		}
		// Reflow: a 360 px phone, and 1280 px at 200 % zoom (a 640 px CSS viewport).
		const broke = [];
		for (const width of [360, 640]) {
			await page.setViewportSize({ width, height: 800 });
			const o = await L.overflow(page);
			if (o) broke.push(`scrolls sideways at ${width} px (${o.scrollWidth} px wide): ${o.culprits.join(', ')}`);
			if (width === 360 && FULL_MODES.includes(mode))
				await page.screenshot({ path: path.join(OUT, 'screenshots', `${name}-360.png`), fullPage: true });
		}
		report(broke.length === 0, `reflow ${label}${broke.length ? ': ' + broke.join('; ') : ': no horizontal scrolling at 360 px and at 200 % zoom'}`);
		for (const u of w.foreign) foreign.add(`${u} (from ${label})`);
	} catch (e) {
		report(false, `load ${label}: ${L.firstLine(e.message)}`);
	} finally {
		await page.close();
	}
}

// A form page reached by submitting the form with nothing filled in: the
// errors page gets axe and the Nu HTML Checker like any other page.
async function checkErrorForm(ctx, formPath, submitName, mode) {
	const label = `${formPath} with errors [${mode}]`;
	const page = await ctx.newPage();
	try {
		await page.goto(formPath);
		const [resp] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: submitName }).click()]);
		if (resp.status() !== 400 && resp.status() !== 200) {
			report(false, `load ${label}: status ${resp.status()}`);
			return;
		}
		const file = path.join(OUT, 'html', `${L.slug(formPath)}-errors-${mode}.html`);
		fs.writeFileSync(file, await resp.text());
		htmlFiles.push([file, label]);
		const v = await L.axe(page);
		const d = L.describeViolations(v);
		report(v.length === 0, `axe ${label}${v.length ? ': ' + d.summary : ': no violations'}`, d.details);
		// Every field marked invalid names its error message, which says something.
		const loose = await page.$$eval('[aria-invalid="true"]', (els) => els.filter((el) => {
			const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
			return !ids.some((id) => { const e = document.getElementById(id); return e && e.classList.contains('field-error') && e.textContent.trim(); });
		}).map((el) => el.id || el.name));
		const marked = await page.$$eval('[aria-invalid="true"]', (els) => els.length);
		report(marked > 0 && loose.length === 0, `errors tied to fields ${label}${marked === 0 ? ': no field is marked invalid' : loose.length ? ': no error message linked by aria-describedby for ' + loose.join(', ') : ': every invalid field names its message (aria-describedby)'}`);
	} catch (e) {
		report(false, `load ${label}: ${L.firstLine(e.message)}`);
	} finally {
		await page.close();
	}
}

// ---- Flows as a person does them ---------------------------------------------
async function flowCatalogue(ctx, found) {
	const page = await ctx.newPage();
	await check('flow: search the catalogue by words, filter by district and cost', async () => {
		await page.goto('/services');
		await page.getByLabel('Что нужно').fill('консультация');
		const district = await page.$eval('#f-district option:nth-child(2)', (o) => o.textContent.trim());
		await page.getByLabel('Район').selectOption({ label: district });
		await page.getByLabel('Стоимость').selectOption({ label: 'Бесплатно' });
		await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Показать' }).click()]);
		const url = new URL(page.url());
		const problems = [];
		if (url.searchParams.get('q') !== 'консультация') problems.push(`q is ${url.searchParams.get('q')}`);
		if (!url.searchParams.get('district')) problems.push('no district in the address');
		if (url.searchParams.get('cost') !== 'free') problems.push('no cost=free in the address');
		const count = await page.locator('#result-count').textContent();
		if (!/Найдено:\s*\d+/.test(count)) problems.push(`result count reads "${count}"`);
		if (await page.getByLabel('Что нужно').inputValue() !== 'консультация') problems.push('the search field lost its words');
		const selected = await page.$eval('#f-district', (s) => s.selectedOptions[0].textContent.trim());
		if (selected !== district) problems.push(`district shows "${selected}"`);
		return problems.length ? { ok: false, why: problems.join('; ') } : true;
	});
	await check('flow: open a service from the catalogue', async () => {
		await page.goto('/services');
		const link = page.locator('.service-card h3 a').first();
		const title = (await link.textContent()).trim();
		await Promise.all([page.waitForNavigation(), link.click()]);
		const h1 = (await page.locator('h1').textContent()).trim();
		if (!/^\/services\/\d+$/.test(new URL(page.url()).pathname)) return { ok: false, why: `landed on ${page.url()}` };
		return h1 === title ? true : { ok: false, why: `h1 "${h1}" is not the card's title "${title}"` };
	});
	await page.close();
}

async function flowAccount(browser, found) {
	const ctx = await L.newContext(browser);
	const page = await ctx.newPage();
	let registered = false;
	await check('flow: register a member (labels, consent, then the account page)', async () => {
		await page.goto('/register');
		await page.getByLabel('Имя и фамилия').fill(memberAccount.name);
		await page.getByLabel('Электронная почта').fill(memberAccount.email);
		await page.getByLabel('Пароль', { exact: true }).fill(memberAccount.password);
		await page.getByLabel('Пароль ещё раз').fill(memberAccount.password);
		await page.getByLabel('Я даю согласие', { exact: false }).check();
		await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Зарегистрироваться' }).click()]);
		if (new URL(page.url()).pathname !== '/account') return { ok: false, why: `landed on ${page.url()}` };
		registered = true;
		return (await page.locator('main').textContent()).includes(memberAccount.email) ? true : { ok: false, why: 'the account page does not show the e-mail' };
	});
	if (registered) {
		const v = await L.axe(page);
		const d = L.describeViolations(v);
		report(v.length === 0, `axe /account (signed in) [normal]${v.length ? ': ' + d.summary : ': no violations'}`, d.details);
		if (found.service) {
			await page.goto(found.service);
			const sv = await L.axe(page);
			const sd = L.describeViolations(sv);
			report(sv.length === 0, `axe /services/{id} (signed in, with its forms) [normal]${sv.length ? ': ' + sd.summary : ': no violations'}`, sd.details);
		}
	}
	await check('flow: sign out, then sign in again', async () => {
		if (!registered) return { ok: false, why: 'registration failed before' };
		await page.goto('/account');
		await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Выйти' }).click()]);
		await page.goto('/login');
		await page.getByLabel('Электронная почта').fill(memberAccount.email);
		await page.getByLabel('Пароль').fill(memberAccount.password);
		await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Войти' }).click()]);
		return new URL(page.url()).pathname === '/account' ? true : { ok: false, why: `landed on ${page.url()}` };
	});
	await ctx.close();
	return registered;
}

async function signIn(page, email, password) {
	await page.goto('/login');
	await page.getByLabel('Электронная почта').fill(email);
	await page.getByLabel('Пароль').fill(password);
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Войти' }).click()]);
	return new URL(page.url()).pathname !== '/login';
}

async function axeReport(page, label) {
	const v = await L.axe(page);
	const d = L.describeViolations(v);
	report(v.length === 0, `axe ${label}${v.length ? ': ' + d.summary : ': no violations'}`, d.details);
}

// A request from the member to the centre, worked by the centre's staff
// (demo staff accounts: staff.{centre}@example.org). Runs only when the
// service page offers the request form to a signed-in member.
const STAFF_PASSWORD = 'demo-staff-pass';
async function flowRequests(browser, found, registered) {
	if (!registered || !found.service) return note('requests: no member or no service, request flows skipped');
	const member = await L.newContext(browser);
	const mp = await member.newPage();
	await signIn(mp, memberAccount.email, memberAccount.password);
	await mp.goto(found.service);
	if ((await mp.getByRole('button', { name: 'Отправить заявку' }).count()) === 0)
		return note('requests: the service page has no request form yet, request flows skipped') || member.close();
	const centre = (await mp.$eval('main .facts a[href^="/centres/"]', (a) => a.getAttribute('href'))).split('/').pop();
	let requestPath = null;
	const topic = `Проверка в браузере ${stamp}`;
	await check('flow: requests: a member sends a request from the service page', async () => {
		await mp.getByLabel('Тема').fill(topic);
		await mp.getByLabel('Сообщение').fill('Нужна консультация по уставу организации. Заявка отправлена автоматической проверкой.');
		await mp.getByLabel('Адрес электронной почты или телефон').fill(memberAccount.email);
		await mp.getByLabel('Я даю согласие', { exact: false }).check();
		await Promise.all([mp.waitForNavigation(), mp.getByRole('button', { name: 'Отправить заявку' }).click()]);
		const u = new URL(mp.url());
		if (!/^\/account\/requests\/\d+$/.test(u.pathname)) return { ok: false, why: `landed on ${mp.url()}` };
		requestPath = u.pathname;
		return (await mp.locator('h1').textContent()).includes(topic) ? true : { ok: false, why: 'the request page does not show its topic' };
	});
	if (requestPath) await axeReport(mp, '/account/requests/{id} (member) [normal]');
	const staff = await L.newContext(browser);
	const sp = await staff.newPage();
	const id = requestPath ? requestPath.split('/').pop() : null;
	await check(`flow: requests: staff of ${centre} sign in, find it in the inbox, accept and complete it`, async () => {
		if (!id) return { ok: false, why: 'no request was sent' };
		if (!(await signIn(sp, `staff.${centre}@example.org`, STAFF_PASSWORD))) return { ok: false, why: 'staff sign-in failed' };
		await sp.goto('/staff');
		await axeReport(sp, '/staff (inbox) [normal]');
		await Promise.all([sp.waitForNavigation(), sp.getByRole('link', { name: new RegExp(`№${id}:`) }).click()]);
		await axeReport(sp, '/staff/requests/{id} [normal]');
		const before = (await sp.locator('#request-status').textContent()).trim();
		await Promise.all([sp.waitForNavigation(), sp.getByRole('button', { name: 'Принять заявку' }).click()]);
		const accepted = (await sp.locator('#request-status').textContent()).trim();
		if (accepted === before) return { ok: false, why: `status stayed "${before}" after «Принять заявку»` };
		await Promise.all([sp.waitForNavigation(), sp.getByRole('button', { name: 'Заявка выполнена' }).click()]);
		const done = (await sp.locator('#request-status').textContent()).trim();
		return done !== accepted ? true : { ok: false, why: `status stayed "${accepted}" after «Заявка выполнена»` };
	});
	await check('flow: requests: the member sees the request done', async () => {
		if (!requestPath) return { ok: false, why: 'no request was sent' };
		await mp.goto(requestPath);
		const status = (await mp.locator('#request-status').getAttribute('class')) || '';
		return /status-done/.test(status) ? true : { ok: false, why: `status is "${(await mp.locator('#request-status').textContent()).trim()}"` };
	});
	if (requestPath && (await mp.getByRole('button', { name: 'Отправить оценку' }).count()) > 0) {
		await axeReport(mp, '/account/requests/{id} (done, with the rating form) [normal]');
		await check('flow: requests: the member rates the done request on every criterion', async () => {
			const scales = mp.locator('fieldset.rating-scale');
			const n = await scales.count();
			for (let i = 0; i < n; i++) await scales.nth(i).locator('input[type="radio"][value="5"]').check();
			await mp.getByLabel('Отзыв', { exact: false }).fill('Всё сделали быстро и понятно.');
			await Promise.all([mp.waitForNavigation(), mp.getByRole('button', { name: 'Отправить оценку' }).click()]);
			const overall = await mp.locator('#rating-overall').count();
			return n > 0 && overall === 1 ? true : { ok: false, why: n === 0 ? 'no criteria to rate' : 'no overall score shown after rating' };
		});
	} else {
		note('requests: no rating form on a done request yet, rating not covered');
	}
	await staff.close();
	await member.close();
}

// Keyboard only: from the top of the page, Tab until the field has focus,
// type, Tab to the next, type, Enter. No mouse, no clicks.
async function tabTo(page, selector, max = 60) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return i + 1;
	}
	throw new Error(`${selector} not reached with ${max} presses of Tab`);
}

async function flowKeyboard(browser, registered) {
	const ctx = await L.newContext(browser);
	const page = await ctx.newPage();
	await check('flow: keyboard only: skip link, then the catalogue search (Tab, type, Enter)', async () => {
		await page.goto('/services');
		await page.keyboard.press('Tab');
		const skip = await page.evaluate(() => document.activeElement.classList.contains('skip-link'));
		if (!skip) return { ok: false, why: 'the first Tab does not reach the skip link' };
		await page.keyboard.press('Enter');
		const inMain = await page.evaluate(() => document.activeElement.id === 'main');
		if (!inMain) return { ok: false, why: 'the skip link does not move focus to main' };
		await tabTo(page, '#f-q', 10);
		await page.keyboard.type('бухгалтер');
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		const q = new URL(page.url()).searchParams.get('q');
		return q === 'бухгалтер' ? true : { ok: false, why: `the search sent q=${q}` };
	});
	await check('flow: keyboard only: sign in (Tab to each field, type, Enter)', async () => {
		if (!registered) return { ok: false, why: 'no account was registered' };
		await page.goto('/login');
		await tabTo(page, '#l-email');
		await page.keyboard.type(memberAccount.email);
		await page.keyboard.press('Tab');
		if (!(await page.evaluate(() => document.activeElement.id === 'l-password')))
			return { ok: false, why: 'Tab from the e-mail field does not go to the password' };
		await page.keyboard.type(memberAccount.password);
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		return new URL(page.url()).pathname === '/account' ? true : { ok: false, why: `landed on ${page.url()}` };
	});
	await check('flow: keyboard only: the settings of the version for the visually impaired (Tab, arrows, Enter)', async () => {
		await page.goto('/accessibility');
		await tabTo(page, '#a11y-fs-1');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await tabTo(page, '#a11y-cs-bw', 5);
		await page.keyboard.press('ArrowDown');
		await tabTo(page, '.a11y-form button[type="submit"]', 10);
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		const cls = await page.evaluate(() => document.documentElement.className);
		return /a11y-fs-3/.test(cls) && /a11y-cs-wb/.test(cls) ? true : { ok: false, why: `html classes after the form: "${cls}"` };
	});
	await ctx.close();
}

// Every element Tab reaches shows where the focus is.
async function flowFocus(browser, mode, url) {
	const ctx = await L.newContext(browser, modeCookies(mode));
	const page = await ctx.newPage();
	await check(`focus visible on every Tab stop of ${url} [${mode}]`, async () => {
		await page.goto(url);
		const unseen = [];
		let stops = 0;
		const seen = new Set();
		for (let i = 0; i < 150; i++) {
			await page.keyboard.press('Tab');
			const f = await page.evaluate(() => {
				const el = document.activeElement;
				if (!el || el === document.body) return null;
				const s = getComputedStyle(el);
				const r = el.getBoundingClientRect();
				const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
				const key = `${el.tagName}|${el.getAttribute('href') || el.name || el.id}|${Math.round(r.top)}|${Math.round(r.left)}`;
				return { key, shown: outline && r.width > 0 && r.height > 0 && r.bottom > -1, what: `${el.tagName.toLowerCase()} «${(el.textContent || el.name || '').trim().slice(0, 40)}»` };
			});
			if (!f || seen.has(f.key)) break;
			seen.add(f.key);
			stops++;
			if (!f.shown) unseen.push(f.what);
		}
		if (stops < 5) return { ok: false, why: `only ${stops} Tab stops` };
		return unseen.length ? { ok: false, why: `no visible focus on ${unseen.slice(0, 5).join(', ')}` } : true;
	});
	await ctx.close();
}

// The version for the visually impaired as a visitor uses it: the link on a
// page, the settings form, the settings applied everywhere, the panel, and
// back to the normal version.
async function flowA11y(browser) {
	const ctx = await L.newContext(browser);
	const page = await ctx.newPage();
	const start = `/services?q=${encodeURIComponent('грант')}`;
	const state = () => page.evaluate(() => {
		const cs = getComputedStyle(document.body);
		const img = document.querySelector('.a11y-sample img');
		const alt = document.querySelector('.a11y-sample .img-alt');
		return {
			classes: document.documentElement.className,
			rootSize: getComputedStyle(document.documentElement).fontSize,
			family: cs.fontFamily, bg: cs.backgroundColor, fg: cs.color,
			letter: getComputedStyle(document.querySelector('main p, main h1')).letterSpacing,
			img: img ? getComputedStyle(img).display : null,
			alt: alt ? getComputedStyle(alt).display : null,
			panel: !!document.querySelector('nav.a11y-panel'),
		};
	});
	await check('flow: a11y: the link «Версия для слабовидящих» opens the settings', async () => {
		await page.goto(start);
		await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Версия для слабовидящих' }).click()]);
		const u = new URL(page.url());
		if (u.pathname !== '/accessibility') return { ok: false, why: `landed on ${page.url()}` };
		return u.searchParams.get('back') === start ? true : { ok: false, why: `back is ${u.searchParams.get('back')}` };
	});
	await check('flow: a11y: choose settings, apply, see them applied', async () => {
		const group = (name) => page.getByRole('group', { name });
		await group('Размер шрифта').getByLabel('самый крупный').check();
		await group('Шрифт').getByLabel('с засечками', { exact: false }).check();
		await group('Цвета').getByLabel('белый текст на чёрном фоне').check();
		await group('Изображения').getByLabel('не показывать', { exact: false }).check();
		await group('Расстояние между буквами').getByLabel('увеличенное').check();
		await group('Расстояние между строками').getByLabel('увеличенное').check();
		await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Применить' }).click()]);
		const s = await state();
		const problems = [];
		for (const c of ['a11y', 'a11y-fs-3', 'a11y-ff-serif', 'a11y-cs-wb', 'a11y-img-off', 'a11y-ls-2', 'a11y-lh-2'])
			if (!s.classes.split(' ').includes(c)) problems.push(`no class ${c}`);
		if (s.rootSize !== '28px') problems.push(`root font size ${s.rootSize}, expected 28px`);
		if (!/serif/i.test(s.family) || /sans/i.test(s.family.split(',')[0])) problems.push(`font ${s.family}`);
		if (s.bg !== 'rgb(0, 0, 0)' || s.fg !== 'rgb(255, 255, 255)') problems.push(`colours ${s.fg} on ${s.bg}`);
		if (s.letter === 'normal' || parseFloat(s.letter) <= 0) problems.push(`letter spacing ${s.letter}`);
		if (s.img !== 'none') problems.push('the sample image is still shown');
		if (!s.alt || s.alt === 'none') problems.push('the image description is not shown');
		if (!s.panel) problems.push('no settings panel');
		if (!(await page.getByRole('status').textContent()).includes('сохранены')) problems.push('no "saved" status');
		const cookie = (await ctx.cookies()).find((c) => c.name === A11Y_COOKIE);
		if (!cookie || !cookie.httpOnly || cookie.sameSite !== 'Lax') problems.push('the cookie is missing or not HttpOnly; SameSite=Lax');
		return problems.length ? { ok: false, why: problems.join('; ') } : true;
	});
	await check('flow: a11y: back on the page, the settings apply there too', async () => {
		await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Вернуться на страницу, с которой вы пришли' }).click()]);
		if (page.url() !== BASE + start) return { ok: false, why: `landed on ${page.url()}` };
		const s = await state();
		if (!s.classes.includes('a11y-fs-3') || s.bg !== 'rgb(0, 0, 0)') return { ok: false, why: `classes "${s.classes}", background ${s.bg}` };
		return s.panel ? true : { ok: false, why: 'no settings panel' };
	});
	await check('flow: a11y: the panel changes the font size and the colours in one click', async () => {
		await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'А — очень крупный шрифт' }).click()]);
		let s = await state();
		if (page.url() !== BASE + start) return { ok: false, why: `landed on ${page.url()}` };
		if (s.rootSize !== '24px') return { ok: false, why: `root font size ${s.rootSize} after «А — очень крупный», expected 24px` };
		await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Ц — тёмно-синий текст на голубом фоне' }).click()]);
		s = await state();
		if (s.bg !== 'rgb(157, 209, 255)') return { ok: false, why: `background ${s.bg} after the blue scheme` };
		await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Показать изображения' }).click()]);
		s = await state();
		return s.classes.includes('a11y-img-on') ? true : { ok: false, why: 'images still off' };
	});
	await check('flow: a11y: «Обычная версия» returns to the normal version', async () => {
		await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Обычная версия' }).click()]);
		if (page.url() !== BASE + start) return { ok: false, why: `landed on ${page.url()}` };
		const s = await state();
		if (s.classes.includes('a11y')) return { ok: false, why: `html still has "${s.classes}"` };
		if ((await ctx.cookies()).some((c) => c.name === A11Y_COOKIE)) return { ok: false, why: 'the cookie is still set' };
		return (await page.getByRole('link', { name: 'Версия для слабовидящих' }).count()) === 1 ? true : { ok: false, why: 'no link back to the version' };
	});
	await ctx.close();
}

// Print: the link on content pages, the print view, and the print stylesheet
// as paper sees it (a PDF saved under out/ for people to look at).
async function flowPrint(browser, found) {
	const ctx = await L.newContext(browser);
	const page = await ctx.newPage();
	const target = found.service || '/centres';
	await check(`print: «Печать» on ${target} opens the print view`, async () => {
		await page.goto(target);
		await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Печать' }).click()]);
		const u = new URL(page.url());
		if (u.searchParams.get('print') !== '1') return { ok: false, why: `landed on ${page.url()}` };
		const r = await page.evaluate(() => ({
			cls: document.documentElement.className,
			nav: getComputedStyle(document.querySelector('.site-nav')).display,
			banner: !!document.querySelector('.print-banner a'),
		}));
		if (!r.cls.includes('print-view')) return { ok: false, why: 'no print-view class' };
		if (r.nav !== 'none') return { ok: false, why: 'navigation is shown in the print view' };
		return r.banner ? true : { ok: false, why: 'no way back from the print view' };
	});
	await check(`print: on paper ${target} has no navigation or forms, and shows link targets`, async () => {
		await page.goto(target);
		await page.emulateMedia({ media: 'print' });
		const r = await page.evaluate(() => {
			const hidden = (sel) => [...document.querySelectorAll(sel)].every((e) => getComputedStyle(e).display === 'none');
			const link = document.querySelector('main .facts a[href^="/"], main a[href^="/centres/"]');
			return {
				nav: hidden('.site-nav'), menu: hidden('.user-menu'), tools: hidden('.page-tools'), skip: hidden('.skip-link'),
				after: link ? getComputedStyle(link, '::after').content : 'none',
				bg: getComputedStyle(document.body).backgroundColor,
			};
		});
		await page.pdf({ path: path.join(OUT, 'print-service.pdf'), format: 'A4' });
		await page.emulateMedia({ media: 'screen' });
		const problems = [];
		for (const k of ['nav', 'menu', 'tools', 'skip']) if (!r[k]) problems.push(`${k} printed`);
		if (!/attr\(href\)|\(\//.test(r.after)) problems.push(`link targets not written out (${r.after})`);
		return problems.length ? { ok: false, why: problems.join('; ') } : true;
	});
	await check('print: the a11y colours never reach paper', async () => {
		await ctx.addCookies([{ name: A11Y_COOKIE, value: MODES.a11y, url: BASE }]);
		await page.goto(target);
		await page.emulateMedia({ media: 'print' });
		const c = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.querySelector('h1')).color]);
		await page.emulateMedia({ media: 'screen' });
		return c.every((x) => x === 'rgb(0, 0, 0)') ? true : { ok: false, why: `text prints in ${c.join(', ')}` };
	});
	await ctx.close();
}

// ---- The cookie over plain HTTP ----------------------------------------------
async function get(p, cookie, extra = {}) {
	const r = await fetch(BASE + p, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {}, ...extra });
	return { status: r.status, headers: r.headers, body: await r.text() };
}

async function httpChecks(found) {
	const page = '/centres';
	await check('cookie: unknown, malformed and hostile rchub_a11y values are ignored and never echoed', async () => {
		const bad = ['garbage', 'fs-9.ff-sans.cs-bw.img-on.ls-1.lh-1', 'fs-1.fs-1.cs-bw.img-on.ls-1.lh-1',
			'fs-1.ff-sans.cs-bw.img-on.ls-1', 'fs-1.ff-sans.cs-bw.img-on.ls-1.lh-1.xx-1', 'FS-1.ff-sans.cs-bw.img-on.ls-1.lh-1',
			'fs-1.ff-sans.cs-bw.img-on.ls-1.lh-1x', 'fs-1.ff-sans.cs-"><script>alert(1)</script>.img-on.ls-1.lh-1',
			'fs-1.ff-sans.cs-bw%22%3E%3Cb%3E.img-on.ls-1.lh-1', 'x'.repeat(3000)];
		for (const v of bad) {
			const r = await get(page, `${A11Y_COOKIE}=${v}`);
			if (r.status !== 200) return { ok: false, why: `status ${r.status} for "${v.slice(0, 40)}"` };
			if (/<html[^>]*class="[^"]*a11y/.test(r.body)) return { ok: false, why: `"${v.slice(0, 40)}" switched the version on` };
			if (/<script>alert|<b>|%3Cb%3E/.test(r.body)) return { ok: false, why: `"${v.slice(0, 40)}" was echoed` };
		}
		return true;
	});
	await check('cookie: a11y pages are private (no-store) and bypass the nginx micro-cache', async () => {
		await get(page); // a public copy in the micro-cache
		const r = await get(page, `${A11Y_COOKIE}=${MODES.a11y}`);
		const problems = [];
		if (!/<html[^>]*class="a11y a11y-fs-3/.test(r.body)) problems.push('the a11y classes are missing');
		if (!/private/.test(r.headers.get('cache-control') || '')) problems.push(`Cache-Control: ${r.headers.get('cache-control')}`);
		const xc = r.headers.get('x-cache');
		if (xc && xc !== 'BYPASS') problems.push(`X-Cache: ${xc}`);
		const n = await get(page);
		if (/<html[^>]*class="a11y/.test(n.body)) problems.push('the next anonymous visitor got the a11y page');
		if (!/public/.test(n.headers.get('cache-control') || '')) problems.push(`normal page Cache-Control: ${n.headers.get('cache-control')}`);
		if (!/cookie/i.test(n.headers.get('vary') || '')) problems.push('public pages do not say Vary: Cookie (a browser would reuse them after a switch)');
		return problems.length ? { ok: false, why: problems.join('; ') } : true;
	});
	await check('cookie: /accessibility sets it with HttpOnly; SameSite=Lax; Path=/ and clears it with off=1', async () => {
		const r = await get(`/accessibility?fs=2&cs=brown&back=${encodeURIComponent('/centres')}`);
		const sc = r.headers.get('set-cookie') || '';
		const problems = [];
		if (r.status !== 303 || r.headers.get('location') !== '/centres') problems.push(`status ${r.status} to ${r.headers.get('location')}`);
		if (!sc.startsWith(`${A11Y_COOKIE}=fs-2.ff-sans.cs-brown.img-on.ls-1.lh-1;`)) problems.push(`Set-Cookie: ${sc}`);
		for (const a of ['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=']) if (!sc.includes(a)) problems.push(`no ${a}`);
		const merged = await get('/accessibility?img=off', `${A11Y_COOKIE}=${MODES['a11y-blue']}`);
		if (!(merged.headers.get('set-cookie') || '').startsWith(`${A11Y_COOKIE}=fs-1.ff-sans.cs-blue.img-off.ls-1.lh-1;`))
			problems.push(`one setting did not keep the others: ${merged.headers.get('set-cookie')}`);
		const off = await get('/accessibility?off=1', `${A11Y_COOKIE}=${MODES.a11y}`);
		if (!/Max-Age=0/.test(off.headers.get('set-cookie') || '')) problems.push(`off=1 sets ${off.headers.get('set-cookie')}`);
		return problems.length ? { ok: false, why: problems.join('; ') } : true;
	});
	await check('cookie: "back" never leads to another site', async () => {
		for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/ok\r\nSet-Cookie: x=1', '/ok x']) {
			const r = await get(`/accessibility?fs=1&back=${encodeURIComponent(back)}`);
			const loc = r.headers.get('location') || '';
			if (r.status !== 303 || !loc.startsWith('/') || loc.startsWith('//') || loc.includes('evil') || loc.includes(' '))
				return { ok: false, why: `back=${JSON.stringify(back)} gave ${r.status} to ${loc}` };
		}
		return true;
	});
	await check('cookie: an unknown setting value is a 400 naming the parameter', async () => {
		for (const [q, name] of [['fs=4', 'fs'], ['cs=red', 'cs'], ['img=no', 'img'], ['off=yes', 'off']]) {
			const r = await get(`/accessibility?${q}`);
			if (r.status !== 400 || !r.body.includes(`«${name}»`)) return { ok: false, why: `${q} gave ${r.status}` };
			if (r.headers.get('set-cookie')) return { ok: false, why: `${q} still set a cookie` };
		}
		return true;
	});
	// Counted uncompressed (gzip on the wire makes it a quarter of that). The
	// page comes from the program itself (rchub_fresh bypasses the micro-cache).
	const got = await Promise.all(['/services', '/static/style.css', '/static/print.css'].map((u) => get(u, 'rchub_fresh=1')));
	const sizes = got.map((r) => Buffer.byteLength(r.body));
	const total = sizes.reduce((a, b) => a + b, 0);
	const bad = got.find((r) => r.status !== 200 || r.body.length === 0);
	report(!bad && total < CATALOGUE_BUDGET, `size: the catalogue page's HTML + CSS are ${total} bytes, budget ${CATALOGUE_BUDGET} (HTML ${sizes[0]}, style.css ${sizes[1]}, print.css ${sizes[2]})${bad ? `; a file answered ${bad.status} with ${bad.body.length} bytes` : ''}`);
}

// ---- Main -----------------------------------------------------------------------
async function main() {
	fs.rmSync(OUT, { recursive: true, force: true });
	fs.mkdirSync(path.join(OUT, 'html'), { recursive: true });
	fs.mkdirSync(path.join(OUT, 'screenshots'), { recursive: true });
	const t0 = Date.now();
	const browser = await L.launch();
	try {
		const ctxs = {};
		for (const mode of Object.keys(MODES)) ctxs[mode] = await L.newContext(browser, modeCookies(mode));
		const found = await discover(ctxs.normal);
		note(`pages: ${found.pages.map((p) => p.label || p.path).join(', ')}`);

		await flowCatalogue(ctxs.normal, found);
		const registered = await flowAccount(browser, found);
		await flowRequests(browser, found, registered);
		await flowKeyboard(browser, registered);
		await flowA11y(browser);
		await flowPrint(browser, found);
		for (const mode of FULL_MODES) {
			await flowFocus(browser, mode, '/services');
			await flowFocus(browser, mode, '/register');
		}

		const tasks = [];
		for (const mode of Object.keys(MODES))
			for (const p of found.pages)
				if (FULL_MODES.includes(mode) || p.schemes) tasks.push(() => checkPage(ctxs[mode], p, mode));
		await L.pool(tasks, JOBS);
		for (const mode of FULL_MODES) {
			await checkErrorForm(ctxs[mode], '/register', 'Зарегистрироваться', mode);
			await checkErrorForm(ctxs[mode], '/login', 'Войти', mode);
		}
		report(foreign.size === 0, `no external resources (fonts, scripts, CDNs) on any page${foreign.size ? ': ' + [...foreign].slice(0, 3).join(', ') : ''}`);

		await httpChecks(found);

		const results = L.vnuErrors(htmlFiles.map(([f]) => f));
		for (const [file, label] of htmlFiles) {
			const errs = results[file] || [];
			report(errs.length === 0, `vnu ${label}${errs.length ? `: ${errs.length} errors, first: ${errs[0]}` : ': no errors'}`, errs.slice(0, 10));
		}
	} finally {
		await browser.close();
	}
	note(`browser suite took ${Math.round((Date.now() - t0) / 1000)} s; screenshots and saved pages in ${path.relative(process.cwd(), OUT) || OUT}`);
	process.exitCode = L.plan() ? 1 : 0;
}

main().catch((e) => {
	report(false, `browser suite crashed: ${L.firstLine(e.message)}`, (e.stack || '').split('\n').slice(1, 6));
	L.plan();
	process.exitCode = 1;
});
