{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/services">Каталог услуг</a> › {{#HAS_PARENT_CATEGORY}}<a href="/services?category={{PARENT_CATEGORY_SLUG}}">{{PARENT_CATEGORY_NAME}}</a> › {{/HAS_PARENT_CATEGORY}}<a href="/services?category={{CATEGORY_SLUG}}">{{CATEGORY_NAME}}</a></nav>
<article class="service">
<h1>{{TITLE}}</h1>
{{#ARCHIVED}}<p class="notice notice-archived" role="status">Эта услуга в архиве: центр её больше не оказывает. Найдите похожие услуги в <a href="/services?category={{CATEGORY_SLUG}}">каталоге</a>.</p>{{/ARCHIVED}}
<p class="lead">{{SUMMARY}}</p>
<dl class="facts">
<dt>Ресурсный центр</dt><dd><a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></dd>
<dt>Вид поддержки</dt><dd>{{CATEGORY_NAME}}</dd>
<dt>Для кого</dt><dd>{{TARGET}}</dd>
<dt>Формат</dt><dd>{{FORMAT}}</dd>
<dt>Стоимость</dt><dd>{{COST}}{{#HAS_PRICE_NOTE}}: {{PRICE_NOTE}}{{/HAS_PRICE_NOTE}}</dd>
{{#HAS_ELIGIBILITY}}<dt>Кто может получить</dt><dd>{{ELIGIBILITY}}</dd>{{/HAS_ELIGIBILITY}}
<dt>Обновлено</dt><dd>{{UPDATED_AT}}</dd>
</dl>
<h2>Описание</h2>
<p class="description">{{DESCRIPTION}}</p>
<h2>Контакты</h2>
<ul class="contacts">
{{#HAS_CONTACT_NAME}}<li>Контактное лицо: {{CONTACT_NAME}}</li>{{/HAS_CONTACT_NAME}}
{{#HAS_CONTACT_PHONE}}<li>Телефон: <a href="tel:{{CONTACT_PHONE:x-tel}}">{{CONTACT_PHONE}}</a></li>{{/HAS_CONTACT_PHONE}}
{{#HAS_CONTACT_EMAIL}}<li>Электронная почта: <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a></li>{{/HAS_CONTACT_EMAIL}}
</ul>
<h2>Где доступна услуга</h2>
<p>Районов: {{DISTRICT_COUNT}}</p>
<ul class="district-list">
{{#DISTRICT}}<li><a href="/services?district={{DISTRICT_SLUG}}">{{DISTRICT_NAME}}</a></li>
{{/DISTRICT}}</ul>
{{>QUALITY}}
{{>REQUEST_FORM}}
</article>
