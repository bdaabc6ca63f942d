{{%AUTOESCAPE context="HTML"}}<article class="opendata">
<h1>Открытые данные</h1>
<p class="lead">Сведения о ресурсных центрах, их услугах, оценках качества и проектах НКО публикуются в машиночитаемом виде по Методическим рекомендациям по публикации открытых данных (версия 3.0): у каждого набора есть паспорт, XSD-схема структуры и все версии данных в XML и CSV. Реестр наборов — <a href="/opendata/list.xml">list.xml</a>.</p>
<p>Данные можно свободно использовать, в том числе в коммерческих целях, со ссылкой на источник: {{SITE_NAME}}. Новая версия набора публикуется, когда данные меняются; прежние версии остаются доступными.</p>
{{#SET}}<section class="dataset">
<h2>{{SET_TITLE}}</h2>
<p>{{SET_DESCRIPTION}}</p>
<dl class="facts">
<dt>Идентификатор</dt><dd>{{SET_IDENTIFIER}}</dd>
<dt>Паспорт набора</dt><dd><a href="{{SET_META_URL}}">meta.xml</a></dd>
<dt>Текущая версия</dt><dd>{{VERSION_DATE}}: <a href="{{VERSION_XML}}">XML</a>, <a href="{{VERSION_CSV}}">CSV</a>, <a href="{{VERSION_XSD}}">структура (XSD)</a></dd>
</dl>
{{#OLDER}}<details>
<summary>Предыдущие версии</summary>
<ul>
{{#VERSION}}<li>{{VERSION_DATE}}: <a href="{{VERSION_XML}}">XML</a>, <a href="{{VERSION_CSV}}">CSV</a>, <a href="{{VERSION_XSD}}">структура (XSD)</a></li>
{{/VERSION}}</ul>
</details>{{/OLDER}}
</section>
{{/SET}}
<section>
<h2>Ленты новостей и календари мероприятий</h2>
<p>Подпишитесь в любой программе чтения RSS или добавьте календарь в свой календарь по ссылке.</p>
<ul>
<li><a href="/feeds/news.rss">Новости всех ресурсных центров (RSS)</a></li>
<li><a href="/feeds/services.rss">Новые и изменённые услуги (RSS)</a></li>
<li><a href="/events.ics">Мероприятия всех ресурсных центров (iCalendar)</a></li>
</ul>
<h3>Ленты ресурсных центров</h3>
<ul>
{{#CENTRE_FEED}}<li>{{CENTRE_NAME}}: <a href="/feeds/centres/{{CENTRE_SLUG}}.rss">новости и мероприятия (RSS)</a>, <a href="/centres/{{CENTRE_SLUG}}/events.ics">календарь (iCalendar)</a></li>
{{/CENTRE_FEED}}</ul>
<h3>Ленты районов</h3>
<ul class="district-list">
{{#DISTRICT_FEED}}<li><a href="/feeds/districts/{{DISTRICT_SLUG}}.rss">{{DISTRICT_NAME}}</a></li>
{{/DISTRICT_FEED}}</ul>
</section>
<section>
<h2>API для информационных систем</h2>
<p>Услуги, организации и классификатор видов поддержки отдаются в JSON по модели Open Referral HSDS 3.0 с российским профилем (ИНН, ОГРН, ОКТМО): <a href="/api/v1/">/api/v1/</a>. Описание в формате OpenAPI — <a href="/api/v1/openapi.json">openapi.json</a>, профиль — <a href="/api/v1/profile">/api/v1/profile</a>.</p>
</section>
</article>
