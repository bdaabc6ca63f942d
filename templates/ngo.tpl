{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/ngos">Реестр НКО</a> › {{SHORT_NAME}}</nav>
<article class="ngo">
<h1>{{NAME}}</h1>
{{#DEMO}}<p class="notice">Демонстрационная организация: данные вымышлены для показа возможностей площадки.</p>{{/DEMO}}
<dl class="facts">
<dt>Сокращённое название</dt><dd>{{SHORT_NAME}}</dd>
<dt>Организационно-правовая форма</dt><dd>{{LEGAL_FORM}}</dd>
<dt>ИНН</dt><dd>{{INN}}</dd>
<dt>ОГРН</dt><dd>{{OGRN}}</dd>
<dt>Дата регистрации</dt><dd>{{REGISTERED_ON}}</dd>
<dt>Район</dt><dd><a href="/ngos?district={{DISTRICT_SLUG}}">{{DISTRICT_NAME}}</a></dd>
{{#HAS_ADDRESS}}<dt>Адрес</dt><dd>{{ADDRESS}}</dd>{{/HAS_ADDRESS}}
{{#HAS_PHONE}}<dt>Телефон</dt><dd>{{PHONE}}</dd>{{/HAS_PHONE}}
{{#HAS_EMAIL}}<dt>Электронная почта</dt><dd>{{EMAIL}}</dd>{{/HAS_EMAIL}}
{{#HAS_WEBSITE}}<dt>Сайт</dt><dd><a href="{{WEBSITE}}" rel="nofollow">{{WEBSITE}}</a></dd>{{/HAS_WEBSITE}}
<dt>Направление деятельности</dt><dd>{{ACTIVITY}}</dd>
</dl>
<p><a href="/services?district={{DISTRICT_SLUG}}">Услуги ресурсных центров в этом районе</a></p>
</article>
