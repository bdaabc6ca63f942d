{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} — {{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="stylesheet" href="/static/print.css" media="print">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">Перейти к содержанию</a>
<header class="site-header">
<div class="wrap">
<a class="brand" href="/"><span class="brand-name">{{SITE_NAME}}</span><span class="brand-region">{{REGION_NAME}}</span></a>
<nav class="site-nav" aria-label="Основная навигация">
<ul>
<li><a href="/"{{#NAV_HOME_CURRENT}} aria-current="page"{{/NAV_HOME_CURRENT}}>Главная</a></li>
<li><a href="/centres"{{#NAV_CENTRES_CURRENT}} aria-current="page"{{/NAV_CENTRES_CURRENT}}>Ресурсные центры</a></li>
<li><a href="/services"{{#NAV_SERVICES_CURRENT}} aria-current="page"{{/NAV_SERVICES_CURRENT}}>Услуги</a></li>
<li><a href="/ngos"{{#NAV_NGOS_CURRENT}} aria-current="page"{{/NAV_NGOS_CURRENT}}>Реестр НКО</a></li>
</ul>
</nav>
<div class="user-menu">
{{#SIGNED_OUT}}<a href="/login">Войти</a> <a href="/register">Регистрация</a>{{/SIGNED_OUT}}
{{#SIGNED_IN}}<a href="/account">{{USER_NAME}}</a>{{#STAFF_LINK}} <a href="/staff/">Кабинет центра</a>{{/STAFF_LINK}}{{#ADMIN_LINK}} <a href="/admin/">Модерация</a>{{/ADMIN_LINK}}
<form class="logout-form" action="/logout" method="post"><input type="hidden" name="csrf" value="{{LOGOUT_CSRF}}"><button type="submit">Выйти</button></form>{{/SIGNED_IN}}
</div>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
{{>CONTENT}}
</main>
<footer class="site-footer">
<div class="wrap">
<p>{{SITE_NAME}} — единая площадка ресурсных центров поддержки некоммерческих организаций: {{REGION_NAME}}.</p>
<p>Организации с пометкой «демо» — демонстрационные данные. <a href="/policy">Политика обработки персональных данных</a></p>
</div>
</footer>
</body>
</html>
