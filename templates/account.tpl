{{%AUTOESCAPE context="HTML"}}<h1>Личный кабинет</h1>
<dl class="facts">
<dt>Имя</dt><dd>{{USER_NAME}}</dd>
<dt>Электронная почта</dt><dd>{{USER_EMAIL}}</dd>
<dt>Роль</dt><dd>{{USER_ROLE}}</dd>
{{#HAS_NGO}}<dt>Организация</dt><dd><a href="/ngos/{{NGO_ID}}">{{NGO_NAME}}</a></dd>{{/HAS_NGO}}
</dl>
<ul class="account-links">
<li><a href="/account/requests">Мои заявки на услуги</a></li>
{{#HAS_NGO}}<li><a href="/account/projects">Проекты организации</a></li>{{/HAS_NGO}}
<li><a href="/services">Найти услугу и отправить заявку</a></li>
{{#IS_STAFF}}<li><a href="/staff/">Кабинет ресурсного центра</a></li>{{/IS_STAFF}}
</ul>
