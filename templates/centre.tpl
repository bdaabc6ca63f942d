{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/centres">Ресурсные центры</a> › {{CENTRE_SHORT_NAME}}</nav>
<article class="centre">
<h1>{{CENTRE_NAME}}</h1>
{{#CENTRE_DEMO}}<p class="notice">Демонстрационная организация: данные вымышлены для показа возможностей площадки.</p>{{/CENTRE_DEMO}}
<p class="lead">{{CENTRE_DESCRIPTION}}</p>
<h2>Контакты и часы работы</h2>
<dl class="facts">
<dt>Адрес</dt><dd>{{CENTRE_ADDRESS}} ({{CENTRE_DISTRICT}})</dd>
<dt>Телефон</dt><dd><a href="tel:{{CENTRE_PHONE:x-tel}}">{{CENTRE_PHONE}}</a></dd>
<dt>Электронная почта</dt><dd><a href="mailto:{{CENTRE_EMAIL}}">{{CENTRE_EMAIL}}</a></dd>
{{#HAS_WEBSITE}}<dt>Сайт</dt><dd><a href="{{CENTRE_WEBSITE}}" rel="nofollow">{{CENTRE_WEBSITE}}</a></dd>{{/HAS_WEBSITE}}
<dt>Часы работы</dt><dd>{{CENTRE_HOURS}}</dd>
{{#HAS_INN}}<dt>ИНН</dt><dd>{{CENTRE_INN}}</dd>{{/HAS_INN}}
{{#HAS_OGRN}}<dt>ОГРН</dt><dd>{{CENTRE_OGRN}}</dd>{{/HAS_OGRN}}
</dl>
<h2>Районы, которые обслуживает центр</h2>
<ul class="district-list">
{{#DISTRICT}}<li><a href="/services?district={{DISTRICT_SLUG}}">{{DISTRICT_NAME}}</a></li>
{{/DISTRICT}}</ul>
{{>QUALITY}}
<h2>Услуги центра ({{CENTRE_SERVICE_COUNT}})</h2>
<div class="service-list">
{{#SERVICE}}{{>SERVICE_ITEM}}{{/SERVICE}}
</div>
{{#ALL_SERVICES}}<p><a href="/services?centre={{CENTRE_SLUG}}">Все услуги центра в каталоге</a></p>{{/ALL_SERVICES}}
<h2>Новости центра</h2>
<div class="news-list">
{{#NEWS}}{{>NEWS_CARD}}{{/NEWS}}
</div>
{{#NO_NEWS}}<p class="muted">Новостей пока нет.</p>{{/NO_NEWS}}
<p><a href="/news?centre={{CENTRE_SLUG}}">Все новости центра</a></p>
<h2>Ближайшие мероприятия центра</h2>
<div class="event-list">
{{#EVENT}}{{>EVENT_CARD}}{{/EVENT}}
</div>
{{#NO_EVENTS}}<p class="muted">Ближайших мероприятий нет.</p>{{/NO_EVENTS}}
<p><a href="/events?centre={{CENTRE_SLUG}}">Все мероприятия центра</a></p>
<p class="subscribe">Подписаться: <a href="/feeds/centres/{{CENTRE_SLUG}}.rss">новости и мероприятия центра (RSS)</a>, <a href="/centres/{{CENTRE_SLUG}}/events.ics">календарь мероприятий (iCalendar)</a></p>
</article>
