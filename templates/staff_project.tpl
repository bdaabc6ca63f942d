{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<nav class="breadcrumbs" aria-label="Путь"><a href="{{LIST_URL}}">Проекты НКО</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
<p><a href="/projects/{{ID}}">Страница проекта на сайте</a></p>
{{#AT_RISK}}<section class="risk-box" aria-labelledby="risk-title">
<h2 id="risk-title">Проект под риском</h2>
<ul class="risk-list">
{{#RISK}}<li data-rule="{{RISK_CODE}}">{{RISK_REASON}} <span class="muted">{{RISK_DETAIL}}</span></li>
{{/RISK}}</ul>
</section>{{/AT_RISK}}
{{#SUPPORT_FORM}}<section class="project-support" id="support" aria-labelledby="support-title">
<h2 id="support-title">Записать поддержку центра</h2>
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Поддержка не записана: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
{{#FORM_TOKEN_ERROR}}<p class="field-error" id="s-token-error">{{ERROR}}</p>{{/FORM_TOKEN_ERROR}}
<form class="form" action="/staff/projects/{{ID}}/support" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<div class="form-field">
<label for="s-kind">Что сделал центр</label>
<select id="s-kind" name="kind" required{{#KIND_ERROR}} aria-invalid="true" aria-describedby="s-kind-error"{{/KIND_ERROR}}>
<option value="">Выберите вид поддержки</option>
{{#KIND_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/KIND_OPTION}}</select>
{{#KIND_ERROR}}<p class="field-error" id="s-kind-error">{{ERROR}}</p>{{/KIND_ERROR}}
</div>
<div class="form-field">
<label for="s-note">Комментарий</label>
<textarea id="s-note" name="note" rows="4" maxlength="{{NOTE_MAX}}" required aria-describedby="s-note-hint{{#NOTE_ERROR}} s-note-error{{/NOTE_ERROR}}"{{#NOTE_ERROR}} aria-invalid="true"{{/NOTE_ERROR}}>{{NOTE}}</textarea>
<p class="hint" id="s-note-hint">Что именно сделано и что дальше: запись появится в хронике проекта на сайте. Не больше {{NOTE_MAX}} символов.</p>
{{#NOTE_ERROR}}<p class="field-error" id="s-note-error">{{ERROR}}</p>{{/NOTE_ERROR}}
</div>
<div class="form-actions"><button type="submit">Записать поддержку</button> <a href="{{LIST_URL}}">К проектам центра</a></div>
</form>
</section>{{/SUPPORT_FORM}}
<h2>О проекте</h2>
<dl class="facts">
<dt>Организация</dt><dd><a href="/ngos/{{NGO_ID}}">{{NGO_FULL_NAME}}</a></dd>
<dt>Состояние</dt><dd>{{STATUS_LABEL}}</dd>
<dt>Район</dt><dd>{{DISTRICT_NAME}}</dd>
<dt>Направление</dt><dd>{{CATEGORY_NAME}}</dd>
<dt>Источник средств</dt><dd>{{FUNDING_LABEL}}</dd>
{{#HAS_AMOUNT}}<dt>Сумма гранта</dt><dd>{{GRANT_AMOUNT}}</dd>{{/HAS_AMOUNT}}
{{#HAS_PERIOD}}<dt>Срок гранта</dt><dd>{{GRANT_PERIOD}}</dd>{{/HAS_PERIOD}}
<dt>Цель</dt><dd class="description">{{GOAL}}</dd>
<dt>План продолжения</dt><dd>{{#HAS_PLAN}}<span class="description">{{PLAN}}</span>{{/HAS_PLAN}}{{#NO_PLAN}}нет{{/NO_PLAN}}</dd>
</dl>
{{>TIMELINE}}
