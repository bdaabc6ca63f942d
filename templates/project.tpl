{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/projects">Проекты НКО</a> › {{TITLE}}</nav>
<article class="project">
<h1>{{TITLE}}</h1>
{{#CAN_EDIT}}<p><a class="button-link" href="/account/projects/{{ID}}">Обновить сведения о проекте</a></p>{{/CAN_EDIT}}
{{#CAN_SUPPORT}}<p><a class="button-link" href="/staff/projects/{{ID}}">Записать поддержку центра</a></p>{{/CAN_SUPPORT}}
{{#AT_RISK}}<section class="risk-box" aria-labelledby="risk-title">
<h2 id="risk-title">Проект под риском</h2>
<ul class="risk-list">
{{#RISK}}<li data-rule="{{RISK_CODE}}">{{RISK_REASON}} <span class="muted">{{RISK_DETAIL}}</span></li>
{{/RISK}}</ul>
</section>{{/AT_RISK}}
<dl class="facts">
<dt>Организация</dt><dd><a href="/ngos/{{NGO_ID}}">{{NGO_FULL_NAME}}</a></dd>
<dt>Состояние</dt><dd>{{STATUS_LABEL}}</dd>
<dt>Район</dt><dd><a href="/projects?district={{DISTRICT_SLUG}}">{{DISTRICT_NAME}}</a></dd>
<dt>Направление</dt><dd><a href="/projects?category={{CATEGORY_SLUG}}">{{CATEGORY_NAME}}</a></dd>
<dt>Ресурсный центр</dt><dd>{{#HAS_CENTRE}}<a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a>{{/HAS_CENTRE}}{{#NO_CENTRE}}не указан{{/NO_CENTRE}}</dd>
<dt>Источник средств</dt><dd>{{FUNDING_LABEL}}</dd>
{{#HAS_AMOUNT}}<dt>Сумма гранта</dt><dd>{{GRANT_AMOUNT}}</dd>{{/HAS_AMOUNT}}
{{#HAS_PERIOD}}<dt>Срок гранта</dt><dd>{{GRANT_PERIOD}}</dd>{{/HAS_PERIOD}}
{{#CONTINUES}}<dt>Продолжение проекта</dt><dd><a href="/projects/{{CONTINUES_ID}}">{{CONTINUES_TITLE}}</a></dd>{{/CONTINUES}}
</dl>
<h2>Цель проекта</h2>
<div class="description">{{GOAL}}</div>
<h2>План продолжения после гранта</h2>
{{#HAS_PLAN}}<div class="description">{{PLAN}}</div>{{/HAS_PLAN}}{{#NO_PLAN}}<p class="muted">Организация пока не описала, как проект будет жить после окончания гранта.</p>{{/NO_PLAN}}
{{>TIMELINE}}
</article>
