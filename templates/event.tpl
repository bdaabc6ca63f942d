{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/events">Мероприятия</a> › <a href="/events?centre={{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></nav>
<article class="event">
<h1>{{TITLE}}</h1>
{{#CANCELLED}}<p class="notice notice-archived" role="status">Мероприятие отменено. Следите за <a href="/events?centre={{CENTRE_SLUG}}">другими мероприятиями центра</a>.</p>{{/CANCELLED}}
<p class="lead">{{SUMMARY}}</p>
<dl class="facts">
<dt>Когда</dt><dd><time datetime="{{WHEN_ISO}}">{{WHEN}}</time> <span class="muted">(местное время, {{REGION_NAME}})</span></dd>
<dt>Где</dt><dd>{{WHERE}}</dd>
{{#HAS_DISTRICT}}<dt>Район</dt><dd><a href="/events?district={{DISTRICT_SLUG}}">{{DISTRICT_NAME}}</a></dd>{{/HAS_DISTRICT}}
{{#HAS_PLACE}}<dt>Место</dt><dd>{{PLACE}}</dd>{{/HAS_PLACE}}
{{#HAS_ONLINE}}<dt>Участие онлайн</dt><dd><a class="online-link" href="{{ONLINE_URL}}" rel="nofollow noopener">{{ONLINE_URL}}</a></dd>{{/HAS_ONLINE}}
{{#HAS_REGISTRATION}}<dt>Регистрация</dt><dd><a class="registration-link" href="{{REGISTRATION_URL}}" rel="nofollow noopener">{{REGISTRATION_URL}}</a></dd>{{/HAS_REGISTRATION}}
<dt>Организатор</dt><dd><a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></dd>
</dl>
<h2>О мероприятии</h2>
<div class="description">{{DESCRIPTION}}</div>
</article>
