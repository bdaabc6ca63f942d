{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/admin/">Модерация</a> › <a href="/admin/quality">Стандарт качества</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
<dl class="facts">
<dt>Название</dt><dd>{{VERSION_TITLE}}</dd>
<dt>Состояние</dt><dd id="version-status">{{STATUS_LABEL}}</dd>
{{#HAS_PUBLISHED}}<dt>Опубликована</dt><dd>{{PUBLISHED_AT}}</dd>{{/HAS_PUBLISHED}}
<dt>Оценок по этой версии</dt><dd>{{RATINGS}}</dd>
</dl>
{{#DRAFT}}<p class="notice">Черновик: критерии можно менять. После публикации эта версия начнёт действовать, а действующая сейчас будет выведена из действия. Оценки, поставленные раньше, не изменятся.</p>{{/DRAFT}}
{{#NO_CRITERIA}}<p class="empty">Критериев пока нет.</p>{{/NO_CRITERIA}}
<h2>Критерии</h2>
{{#CRITERION}}<section class="criterion" id="criterion-{{CRITERION_ID}}" aria-labelledby="criterion-{{CRITERION_ID}}-title">
<h3 id="criterion-{{CRITERION_ID}}-title">{{CRITERION_NAME}} <span class="muted">(код {{CODE_VALUE}}, доля в общей оценке {{SHARE}} %)</span></h3>
{{#READ_ONLY}}<dl class="facts"><dt>Что оценивается</dt><dd>{{DESCRIPTION}}</dd><dt>Вес</dt><dd>{{WEIGHT}}</dd></dl>{{/READ_ONLY}}
{{#EDIT}}{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Критерий не сохранён: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
<form class="form" action="/admin/quality/criteria/{{CRITERION_ID}}" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="form-field">
<label for="c{{CRITERION_ID}}-name">Название</label>
<input id="c{{CRITERION_ID}}-name" name="name" type="text" maxlength="{{NAME_MAX}}" required value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="c{{CRITERION_ID}}-name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<p class="field-error" id="c{{CRITERION_ID}}-name-error">{{ERROR}}</p>{{/NAME_ERROR}}
</div>
<div class="form-field">
<label for="c{{CRITERION_ID}}-description">Что оценивается</label>
<textarea id="c{{CRITERION_ID}}-description" name="description" rows="3" maxlength="{{DESCRIPTION_MAX}}" required{{#DESCRIPTION_ERROR}} aria-invalid="true" aria-describedby="c{{CRITERION_ID}}-description-error"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION}}</textarea>
{{#DESCRIPTION_ERROR}}<p class="field-error" id="c{{CRITERION_ID}}-description-error">{{ERROR}}</p>{{/DESCRIPTION_ERROR}}
</div>
<div class="form-field">
<label for="c{{CRITERION_ID}}-weight">Вес</label>
<input id="c{{CRITERION_ID}}-weight" name="weight" type="text" inputmode="decimal" maxlength="{{WEIGHT_MAX}}" required value="{{WEIGHT}}" aria-describedby="c{{CRITERION_ID}}-weight-hint{{#WEIGHT_ERROR}} c{{CRITERION_ID}}-weight-error{{/WEIGHT_ERROR}}"{{#WEIGHT_ERROR}} aria-invalid="true"{{/WEIGHT_ERROR}}>
<p class="hint" id="c{{CRITERION_ID}}-weight-hint">Число больше 0 и не больше 100, например 1,5. Доля критерия в общей оценке — его вес, делённый на сумму весов.</p>
{{#WEIGHT_ERROR}}<p class="field-error" id="c{{CRITERION_ID}}-weight-error">{{ERROR}}</p>{{/WEIGHT_ERROR}}
</div>
<div class="form-actions"><button type="submit">Сохранить критерий</button></div>
</form>
<form class="inline-form" action="/admin/quality/criteria/{{CRITERION_ID}}/delete" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Удалить критерий из черновика</button></form>{{/EDIT}}
</section>
{{/CRITERION}}
{{#DRAFT}}<section class="criterion-new" id="criterion-new" aria-labelledby="criterion-new-title">
<h2 id="criterion-new-title">Новый критерий</h2>
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="new-form-errors"><p>Критерий не добавлен: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
<form class="form" action="/admin/quality/{{ID}}/criteria#criterion-new" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="form-field">
<label for="new-code">Код</label>
<input id="new-code" name="code" type="text" maxlength="{{CODE_MAX}}" required value="{{CODE}}" aria-describedby="new-code-hint{{#CODE_ERROR}} new-code-error{{/CODE_ERROR}}"{{#CODE_ERROR}} aria-invalid="true"{{/CODE_ERROR}}>
<p class="hint" id="new-code-hint">Латинские строчные буквы, цифры и дефисы, например accessibility. Критерий с тем же кодом в следующих версиях продолжает свой ряд оценок.</p>
{{#CODE_ERROR}}<p class="field-error" id="new-code-error">{{ERROR}}</p>{{/CODE_ERROR}}
</div>
<div class="form-field">
<label for="new-name">Название</label>
<input id="new-name" name="name" type="text" maxlength="{{NAME_MAX}}" required value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="new-name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<p class="field-error" id="new-name-error">{{ERROR}}</p>{{/NAME_ERROR}}
</div>
<div class="form-field">
<label for="new-description">Что оценивается</label>
<textarea id="new-description" name="description" rows="3" maxlength="{{DESCRIPTION_MAX}}" required{{#DESCRIPTION_ERROR}} aria-invalid="true" aria-describedby="new-description-error"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION}}</textarea>
{{#DESCRIPTION_ERROR}}<p class="field-error" id="new-description-error">{{ERROR}}</p>{{/DESCRIPTION_ERROR}}
</div>
<div class="form-field">
<label for="new-weight">Вес</label>
<input id="new-weight" name="weight" type="text" inputmode="decimal" maxlength="{{WEIGHT_MAX}}" required value="{{WEIGHT}}" aria-describedby="new-weight-hint{{#WEIGHT_ERROR}} new-weight-error{{/WEIGHT_ERROR}}"{{#WEIGHT_ERROR}} aria-invalid="true"{{/WEIGHT_ERROR}}>
<p class="hint" id="new-weight-hint">Число больше 0 и не больше 100, например 1,5.</p>
{{#WEIGHT_ERROR}}<p class="field-error" id="new-weight-error">{{ERROR}}</p>{{/WEIGHT_ERROR}}
</div>
<div class="form-actions"><button type="submit">Добавить критерий</button></div>
</form>
</section>
<section class="status-actions" aria-labelledby="publish-title">
<h2 id="publish-title">Публикация</h2>
<form class="inline-form" action="/admin/quality/{{ID}}/publish" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Опубликовать версию</button> <span class="hint">Версия начнёт действовать сразу: новые оценки ставятся по её критериям.</span></form>
</section>{{/DRAFT}}
