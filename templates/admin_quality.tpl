{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/admin/">Модерация</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
<p class="lead">Версии единого стандарта качества. Действует одна опубликованная версия; новая готовится черновиком — копией действующей. Опубликованные и выведенные из действия версии не меняются, поэтому оценки, поставленные по ним, остаются прежними.</p>
{{#CAN_CREATE}}<form class="inline-form" action="/admin/quality/drafts" method="post">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Создать черновик новой версии</button> <span class="hint">Черновик получит все критерии действующей версии; их можно изменить до публикации.</span>
</form>{{/CAN_CREATE}}
<div class="table-scroll">
<table class="data-table" id="versions">
<caption>Версии стандарта, новые сверху</caption>
<thead><tr><th scope="col">Версия</th><th scope="col">Состояние</th><th scope="col">Опубликована</th><th scope="col">Критериев</th><th scope="col">Оценок по версии</th></tr></thead>
<tbody>
{{#VERSION}}<tr class="version-{{STATUS}}"><th scope="row"><a href="/admin/quality/{{ID}}">Версия {{VERSION_NUMBER}}</a>: {{VERSION_TITLE}}</th><td>{{STATUS_LABEL}}</td><td>{{#HAS_PUBLISHED}}{{PUBLISHED_AT}}{{/HAS_PUBLISHED}}</td><td>{{CRITERIA}}</td><td>{{RATINGS}}</td></tr>
{{/VERSION}}</tbody>
</table>
</div>
<p><a href="/admin/feedback">Отзывы, ждущие проверки</a> · <a href="/quality">Стандарт на сайте</a> · <a href="/admin/audit?entity=quality_standard">Журнал изменений стандарта</a></p>
