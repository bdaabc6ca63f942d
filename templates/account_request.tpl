{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/account">Личный кабинет</a> › <a href="/account/requests">Мои заявки</a></nav>
<article class="request">
<h1>Заявка №{{ID}}: {{TOPIC}}</h1>
<dl class="facts">
<dt>Статус</dt><dd class="status status-{{STATUS}}" id="request-status">{{STATUS_LABEL}}</dd>
<dt>Услуга</dt><dd><a href="/services/{{SERVICE_ID}}">{{SERVICE_TITLE}}</a></dd>
<dt>Ресурсный центр</dt><dd><a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></dd>
{{#HAS_NGO}}<dt>Организация</dt><dd><a href="/ngos/{{NGO_ID}}">{{NGO_NAME}}</a></dd>{{/HAS_NGO}}
<dt>Как с вами связаться</dt><dd>{{CONTACT_METHOD}}: {{CONTACT_VALUE}}</dd>
<dt>Отправлена</dt><dd>{{CREATED_AT}}</dd>
<dt>Изменена</dt><dd>{{UPDATED_AT}}</dd>
</dl>
<h2>Сообщение</h2>
<p class="description" id="request-message">{{MESSAGE}}</p>
{{>HISTORY}}
{{>RATING}}
</article>
