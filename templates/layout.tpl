{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="ru"{{#HTML_CLASS}} class="{{HTML_CLASSES}}"{{/HTML_CLASS}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} — {{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="stylesheet" href="/static/print.css" media="print">
{{#PRINT_VIEW}}<link rel="stylesheet" href="/static/print.css">{{/PRINT_VIEW}}
{{#A11Y_CSS}}<link rel="stylesheet" href="/static/a11y.css">{{/A11Y_CSS}}
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
{{#FEED}}<link rel="alternate" type="application/rss+xml" title="{{FEED_TITLE}}" href="{{FEED_URL}}">
{{/FEED}}</head>
<body>
<a class="skip-link" href="#main">Перейти к содержанию</a>
{{>A11Y_PANEL}}
<header class="site-header">
<div class="wrap">
<a class="brand" href="/"><span class="brand-name">{{SITE_NAME}}</span><span class="brand-region">{{REGION_NAME}}</span></a>
<nav class="site-nav" aria-label="Основная навигация">
<ul>
<li><a href="/"{{#NAV_HOME_CURRENT}} aria-current="page"{{/NAV_HOME_CURRENT}}>Главная</a></li>
<li><a href="/centres"{{#NAV_CENTRES_CURRENT}} aria-current="page"{{/NAV_CENTRES_CURRENT}}>Ресурсные центры</a></li>
<li><a href="/services"{{#NAV_SERVICES_CURRENT}} aria-current="page"{{/NAV_SERVICES_CURRENT}}>Услуги</a></li>
<li><a href="/ngos"{{#NAV_NGOS_CURRENT}} aria-current="page"{{/NAV_NGOS_CURRENT}}>Реестр НКО</a></li>
<li><a href="/news"{{#NAV_NEWS_CURRENT}} aria-current="page"{{/NAV_NEWS_CURRENT}}>Новости</a></li>
<li><a href="/events"{{#NAV_EVENTS_CURRENT}} aria-current="page"{{/NAV_EVENTS_CURRENT}}>Мероприятия</a></li>
<li><a href="/projects"{{#NAV_PROJECTS_CURRENT}} aria-current="page"{{/NAV_PROJECTS_CURRENT}}>Проекты</a></li>
<li><a href="/quality"{{#NAV_QUALITY_CURRENT}} aria-current="page"{{/NAV_QUALITY_CURRENT}}>Качество</a></li>
</ul>
</nav>
<div class="user-menu">
{{#A11Y_LINK}}<a class="a11y-link" href="{{A11Y_URL}}">Версия для слабовидящих</a>{{/A11Y_LINK}}
{{#SIGNED_OUT}}<a href="/login">Войти</a> <a href="/register">Регистрация</a>{{/SIGNED_OUT}}
{{#SIGNED_IN}}<a href="/account">{{USER_NAME}}</a>{{#STAFF_LINK}} <a href="/staff/">Кабинет центра</a>{{/STAFF_LINK}}{{#ADMIN_LINK}} <a href="/admin/">Модерация</a>{{/ADMIN_LINK}}
<form class="logout-form" action="/logout" method="post"><input type="hidden" name="csrf" value="{{LOGOUT_CSRF}}"><button type="submit">Выйти</button></form>{{/SIGNED_IN}}
</div>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
{{#PRINT_VIEW}}<p class="print-banner">Версия для печати. Чтобы напечатать страницу, нажмите Ctrl+P (на Mac — ⌘+P) или выберите «Печать» в меню браузера. <a href="{{SCREEN_URL}}">Вернуться к обычному виду</a></p>{{/PRINT_VIEW}}
{{>CONTENT}}
{{#PRINT_LINK}}<p class="page-tools"><a class="print-link" href="{{PRINT_URL}}">Печать</a></p>{{/PRINT_LINK}}
</main>
<footer class="site-footer">
<div class="wrap">
<p>{{SITE_NAME}} — единая площадка ресурсных центров поддержки некоммерческих организаций: {{REGION_NAME}}.</p>
<p>Организации с пометкой «демо» — демонстрационные данные. <a href="/policy">Политика обработки персональных данных</a></p>
</div>
</footer>
</body>
</html>
