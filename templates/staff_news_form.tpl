{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<nav class="breadcrumbs" aria-label="Путь"><a href="{{LIST_URL}}">Новости центра</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
{{#IS_NEW}}<p class="hint">Новость сохранится черновиком; опубликовать её можно после сохранения.</p>{{/IS_NEW}}
{{#IS_EDIT}}{{#DRAFT}}<p class="notice">Черновик: новость видна только сотрудникам центра.</p>{{/DRAFT}}{{/IS_EDIT}}
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Новость не сохранена: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
{{#FORM_TOKEN_ERROR}}<p class="field-error" id="n-token-error">{{ERROR}}</p>{{/FORM_TOKEN_ERROR}}
<form class="form" action="{{#IS_NEW}}/staff/news/new{{/IS_NEW}}{{#IS_EDIT}}/staff/news/{{ID}}{{/IS_EDIT}}" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#IS_NEW}}<input type="hidden" name="centre" value="{{CENTRE_SLUG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">{{/IS_NEW}}
<div class="form-field">
<label for="n-title">Заголовок</label>
<input id="n-title" name="title" type="text" maxlength="200" required value="{{TITLE_VALUE}}"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="n-title-error"{{/TITLE_ERROR}}>
{{#TITLE_ERROR}}<p class="field-error" id="n-title-error">{{ERROR}}</p>{{/TITLE_ERROR}}
</div>
<div class="form-field">
<label for="n-summary">Кратко: одна-две фразы для списка новостей</label>
<textarea id="n-summary" name="summary" rows="3" maxlength="500" required{{#SUMMARY_ERROR}} aria-invalid="true" aria-describedby="n-summary-error"{{/SUMMARY_ERROR}}>{{SUMMARY}}</textarea>
{{#SUMMARY_ERROR}}<p class="field-error" id="n-summary-error">{{ERROR}}</p>{{/SUMMARY_ERROR}}
</div>
<div class="form-field">
<label for="n-body">Текст новости</label>
<textarea id="n-body" name="body" rows="14" maxlength="6000" required{{#BODY_ERROR}} aria-invalid="true" aria-describedby="n-body-error"{{/BODY_ERROR}}>{{BODY}}</textarea>
{{#BODY_ERROR}}<p class="field-error" id="n-body-error">{{ERROR}}</p>{{/BODY_ERROR}}
</div>
<div class="form-actions"><button type="submit">{{#IS_NEW}}Сохранить черновик{{/IS_NEW}}{{#IS_EDIT}}Сохранить изменения{{/IS_EDIT}}</button> <a href="{{LIST_URL}}">К списку новостей</a></div>
</form>
{{#IS_EDIT}}<div class="status-actions">
{{#DRAFT}}<form class="inline-form" action="/staff/news/{{ID}}/publish" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Опубликовать</button> <span class="hint">Новость появится в разделе «Новости», на странице центра и на главной.</span></form>{{/DRAFT}}
{{#PUBLISHED}}<p><a href="/news/{{ID}}">Новость на сайте</a></p>
<form class="inline-form" action="/staff/news/{{ID}}/unpublish" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Снять с публикации</button></form>{{/PUBLISHED}}
</div>{{/IS_EDIT}}
