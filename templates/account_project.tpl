{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/account">Личный кабинет</a> › <a href="/account/projects">Проекты организации</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
{{#IS_EDIT}}<p><a href="/projects/{{ID}}">Страница проекта на сайте</a></p>{{/IS_EDIT}}
{{#AT_RISK}}<section class="risk-box" aria-labelledby="risk-title">
<h2 id="risk-title">Проект под риском</h2>
<ul class="risk-list">
{{#RISK}}<li data-rule="{{RISK_CODE}}">{{RISK_REASON}} <span class="muted">{{RISK_DETAIL}}</span></li>
{{/RISK}}</ul>
<p>Расскажите, как идут дела, обновите состояние проекта или опишите план продолжения — и обратитесь в поддерживающий ресурсный центр: там помогут с новой заявкой и найдут наставника.</p>
</section>{{/AT_RISK}}
{{#UPDATE_FORM}}<section class="project-update" id="updates" aria-labelledby="update-title">
<h2 id="update-title">Новости проекта</h2>
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="update-errors"><p>Новость не опубликована: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
{{#FORM_TOKEN_ERROR}}<p class="field-error" id="u-token-error">{{ERROR}}</p>{{/FORM_TOKEN_ERROR}}
<form class="form" action="/account/projects/{{ID}}/updates" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<div class="form-field">
<label for="u-body">Что сделано, что изменилось</label>
<textarea id="u-body" name="body" rows="5" maxlength="{{BODY_MAX}}" required aria-describedby="u-body-hint{{#UPDATE_BODY_ERROR}} u-body-error{{/UPDATE_BODY_ERROR}}"{{#UPDATE_BODY_ERROR}} aria-invalid="true"{{/UPDATE_BODY_ERROR}}>{{UPDATE_BODY}}</textarea>
<p class="hint" id="u-body-hint">Новость появится в хронике проекта на сайте: не больше {{BODY_MAX}} символов.</p>
{{#UPDATE_BODY_ERROR}}<p class="field-error" id="u-body-error">{{ERROR}}</p>{{/UPDATE_BODY_ERROR}}
</div>
<div class="form-field">
<label for="u-status">Новое состояние проекта <span class="optional">(сейчас: {{CURRENT_STATUS}})</span></label>
<select id="u-status" name="status"{{#UPDATE_STATUS_ERROR}} aria-invalid="true" aria-describedby="u-status-error"{{/UPDATE_STATUS_ERROR}}>
<option value="">Не менять</option>
{{#STATUS_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/STATUS_OPTION}}</select>
{{#UPDATE_STATUS_ERROR}}<p class="field-error" id="u-status-error">{{ERROR}}</p>{{/UPDATE_STATUS_ERROR}}
</div>
<div class="form-actions"><button type="submit">Опубликовать новость</button></div>
</form>
</section>
<h2>Сведения о проекте</h2>{{/UPDATE_FORM}}
{{#PROJECT_FORM}}{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Проект не сохранён: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
{{#FORM_TOKEN_ERROR}}<p class="field-error" id="p-token-error">{{ERROR}}</p>{{/FORM_TOKEN_ERROR}}
<form class="form project-form" action="{{ACTION}}" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#IS_NEW}}<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">{{/IS_NEW}}
<div class="form-field">
<label for="p-title">Название проекта</label>
<input id="p-title" name="title" type="text" maxlength="{{TITLE_MAX}}" required value="{{TITLE_VALUE}}"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="p-title-error"{{/TITLE_ERROR}}>
{{#TITLE_ERROR}}<p class="field-error" id="p-title-error">{{ERROR}}</p>{{/TITLE_ERROR}}
</div>
<div class="form-field">
<label for="p-goal">Цель проекта</label>
<textarea id="p-goal" name="goal" rows="5" maxlength="{{GOAL_MAX}}" required aria-describedby="p-goal-hint{{#GOAL_ERROR}} p-goal-error{{/GOAL_ERROR}}"{{#GOAL_ERROR}} aria-invalid="true"{{/GOAL_ERROR}}>{{GOAL}}</textarea>
<p class="hint" id="p-goal-hint">Какую проблему решает проект и для кого: не больше {{GOAL_MAX}} символов.</p>
{{#GOAL_ERROR}}<p class="field-error" id="p-goal-error">{{ERROR}}</p>{{/GOAL_ERROR}}
</div>
<div class="form-field">
<label for="p-district">Район, где идёт проект</label>
<select id="p-district" name="district" required{{#DISTRICT_ERROR}} aria-invalid="true" aria-describedby="p-district-error"{{/DISTRICT_ERROR}}>
<option value="">Выберите район</option>
{{#DISTRICT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/DISTRICT_OPTION}}</select>
{{#DISTRICT_ERROR}}<p class="field-error" id="p-district-error">{{ERROR}}</p>{{/DISTRICT_ERROR}}
</div>
<div class="form-field">
<label for="p-category">Направление</label>
<select id="p-category" name="category" required{{#CATEGORY_ERROR}} aria-invalid="true" aria-describedby="p-category-error"{{/CATEGORY_ERROR}}>
<option value="">Выберите направление</option>
{{#CATEGORY_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{#OPTION_CHILD}}— {{/OPTION_CHILD}}{{OPTION_TEXT}}</option>
{{/CATEGORY_OPTION}}</select>
{{#CATEGORY_ERROR}}<p class="field-error" id="p-category-error">{{ERROR}}</p>{{/CATEGORY_ERROR}}
</div>
<div class="form-field">
<label for="p-centre">Ресурсный центр, который поддерживает проект <span class="optional">(необязательно)</span></label>
<select id="p-centre" name="centre" aria-describedby="p-centre-hint{{#CENTRE_ERROR}} p-centre-error{{/CENTRE_ERROR}}"{{#CENTRE_ERROR}} aria-invalid="true"{{/CENTRE_ERROR}}>
<option value="">Пока нет</option>
{{#CENTRE_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/CENTRE_OPTION}}</select>
<p class="hint" id="p-centre-hint">Центр увидит проект в своём кабинете и получит сообщение, если проекту понадобится помощь.</p>
{{#CENTRE_ERROR}}<p class="field-error" id="p-centre-error">{{ERROR}}</p>{{/CENTRE_ERROR}}
</div>
{{#IS_NEW}}<div class="form-field">
<label for="p-status">Состояние проекта</label>
<select id="p-status" name="status" required aria-describedby="p-status-hint{{#STATUS_ERROR}} p-status-error{{/STATUS_ERROR}}"{{#STATUS_ERROR}} aria-invalid="true"{{/STATUS_ERROR}}>
<option value="">Выберите состояние</option>
{{#STATUS_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/STATUS_OPTION}}</select>
<p class="hint" id="p-status-hint">Дальше состояние меняется вместе с новостями проекта, чтобы каждое изменение попало в хронику.</p>
{{#STATUS_ERROR}}<p class="field-error" id="p-status-error">{{ERROR}}</p>{{/STATUS_ERROR}}
</div>{{/IS_NEW}}
<fieldset class="form-group">
<legend>Финансирование</legend>
<div class="form-field">
<label for="p-funding">Источник средств</label>
<select id="p-funding" name="funding" required{{#FUNDING_ERROR}} aria-invalid="true" aria-describedby="p-funding-error"{{/FUNDING_ERROR}}>
<option value="">Выберите источник</option>
{{#FUNDING_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/FUNDING_OPTION}}</select>
{{#FUNDING_ERROR}}<p class="field-error" id="p-funding-error">{{ERROR}}</p>{{/FUNDING_ERROR}}
</div>
<div class="form-field">
<label for="p-amount">Сумма гранта, ₽ <span class="optional">(необязательно)</span></label>
<input id="p-amount" name="grant_amount" type="text" inputmode="decimal" maxlength="{{AMOUNT_MAX}}" value="{{GRANT_AMOUNT}}" aria-describedby="p-amount-hint{{#GRANT_AMOUNT_ERROR}} p-amount-error{{/GRANT_AMOUNT_ERROR}}"{{#GRANT_AMOUNT_ERROR}} aria-invalid="true"{{/GRANT_AMOUNT_ERROR}}>
<p class="hint" id="p-amount-hint">Цифрами, например 1 500 000 или 250 000,50.</p>
{{#GRANT_AMOUNT_ERROR}}<p class="field-error" id="p-amount-error">{{ERROR}}</p>{{/GRANT_AMOUNT_ERROR}}
</div>
<div class="form-field">
<label for="p-start">Начало грантового периода <span class="optional">(необязательно)</span></label>
<input id="p-start" name="grant_start" type="date" value="{{GRANT_START}}" aria-describedby="p-period-hint{{#GRANT_START_ERROR}} p-start-error{{/GRANT_START_ERROR}}"{{#GRANT_START_ERROR}} aria-invalid="true"{{/GRANT_START_ERROR}}>
{{#GRANT_START_ERROR}}<p class="field-error" id="p-start-error">{{ERROR}}</p>{{/GRANT_START_ERROR}}
</div>
<div class="form-field">
<label for="p-end">Окончание грантового периода <span class="optional">(необязательно)</span></label>
<input id="p-end" name="grant_end" type="date" value="{{GRANT_END}}" aria-describedby="p-period-hint{{#GRANT_END_ERROR}} p-end-error{{/GRANT_END_ERROR}}"{{#GRANT_END_ERROR}} aria-invalid="true"{{/GRANT_END_ERROR}}>
<p class="hint" id="p-period-hint">Обе даты в формате ГГГГ-ММ-ДД, например 2026-05-31, — или ни одной.</p>
{{#GRANT_END_ERROR}}<p class="field-error" id="p-end-error">{{ERROR}}</p>{{/GRANT_END_ERROR}}
</div>
</fieldset>
<div class="form-field">
<label for="p-plan">План продолжения после гранта <span class="optional">(необязательно)</span></label>
<textarea id="p-plan" name="plan" rows="4" maxlength="{{PLAN_MAX}}" aria-describedby="p-plan-hint{{#PLAN_ERROR}} p-plan-error{{/PLAN_ERROR}}"{{#PLAN_ERROR}} aria-invalid="true"{{/PLAN_ERROR}}>{{PLAN}}</textarea>
<p class="hint" id="p-plan-hint">На какие средства и с кем проект будет работать, когда грант закончится. Пустое поле значит «плана пока нет».</p>
{{#PLAN_ERROR}}<p class="field-error" id="p-plan-error">{{ERROR}}</p>{{/PLAN_ERROR}}
</div>
<div class="form-field">
<label for="p-continues">Продолжение проекта <span class="optional">(необязательно)</span></label>
<select id="p-continues" name="continues" aria-describedby="p-continues-hint{{#CONTINUES_ERROR}} p-continues-error{{/CONTINUES_ERROR}}"{{#CONTINUES_ERROR}} aria-invalid="true"{{/CONTINUES_ERROR}}>
<option value="">Это самостоятельный проект</option>
{{#CONTINUES_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/CONTINUES_OPTION}}</select>
<p class="hint" id="p-continues-hint">Если проект продолжает более ранний проект организации на новый грант, выберите его: так видно, что тот проект не закончился вместе с первым грантом.</p>
{{#CONTINUES_ERROR}}<p class="field-error" id="p-continues-error">{{ERROR}}</p>{{/CONTINUES_ERROR}}
</div>
<div class="form-actions"><button type="submit">{{#IS_NEW}}Зарегистрировать проект{{/IS_NEW}}{{#IS_EDIT}}Сохранить сведения{{/IS_EDIT}}</button> <a href="/account/projects">К проектам организации</a></div>
</form>{{/PROJECT_FORM}}
{{>TIMELINE}}
