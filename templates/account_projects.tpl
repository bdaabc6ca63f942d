{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/account">Личный кабинет</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
{{#NO_NGO}}<p class="notice">{{NO_NGO_TEXT}}</p>{{/NO_NGO}}
{{#HAS_NGO}}<p class="lead">Проекты организации «{{NGO_NAME}}». Рассказывайте о ходе проекта хотя бы раз в три месяца и заранее продумайте, как он будет жить после гранта: тогда ресурсный центр вовремя заметит, если проекту нужна помощь.</p>
<p><a class="button-link" href="/account/projects/new">Зарегистрировать проект</a></p>
<p class="result-count">Проектов: <strong>{{TOTAL}}</strong></p>
{{#EMPTY}}<p class="empty">У организации пока нет проектов на площадке. Зарегистрируйте первый — это займёт несколько минут.</p>{{/EMPTY}}
<div class="project-list">
{{#PROJECT}}{{>PROJECT_CARD}}{{/PROJECT}}
</div>{{/HAS_NGO}}
