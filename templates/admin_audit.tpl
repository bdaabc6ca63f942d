{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/admin/">Модерация</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
<form class="filters" action="/admin/audit" method="get" aria-label="Фильтры журнала">
<div class="field">
<label for="a-centre">Центр</label>
<select id="a-centre" name="centre">
<option value="">Все центры</option>
{{#CENTRE_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/CENTRE_OPTION}}</select>
</div>
<div class="field">
<label for="a-user">Кто</label>
<select id="a-user" name="user">
<option value="">Все</option>
{{#USER_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}} ({{OPTION_EMAIL}})</option>
{{/USER_OPTION}}</select>
</div>
<div class="field">
<label for="a-entity">Что</label>
<select id="a-entity" name="entity">
<option value="">Всё</option>
{{#ENTITY_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/ENTITY_OPTION}}</select>
</div>
<div class="field">
<label for="a-from">С даты</label>
<input id="a-from" name="from" type="date" value="{{FROM}}">
</div>
<div class="field">
<label for="a-to">По дату</label>
<input id="a-to" name="to" type="date" value="{{TO}}">
</div>
<div class="field field-actions">
<button type="submit">Показать</button>
<a class="reset" href="/admin/audit">Сбросить фильтры</a>
</div>
</form>
<p class="result-count" id="result-count">Найдено: <strong>{{TOTAL}}</strong></p>
{{#EMPTY}}<div class="empty" role="status"><p>Записей с такими условиями нет. Расширьте диапазон дат или <a href="/admin/audit">сбросьте фильтры</a>.</p></div>{{/EMPTY}}
<ol class="audit-log">
{{#ENTRY}}<li class="audit-entry">
<p class="audit-head"><time>{{WHEN}}</time> · <strong>{{USER_NAME}}</strong> <span class="muted">({{USER_EMAIL}}{{#HAS_ADDRESS}}, {{ADDRESS}}{{/HAS_ADDRESS}})</span></p>
<p class="audit-what">{{ENTITY}} № {{#ENTITY_LINK}}<a href="{{ENTITY_URL}}">{{ENTITY_ID}}</a>{{/ENTITY_LINK}}{{#ENTITY_PLAIN}}{{ENTITY_ID}}{{/ENTITY_PLAIN}} — {{ACTION}}{{#HAS_CENTRE}} · центр: <a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a>{{/HAS_CENTRE}}</p>
<ul class="audit-changes">
{{#CHANGE}}<li data-field="{{FIELD_KEY}}"><span class="audit-field">{{FIELD}}:</span> {{#BEFORE}}<span class="audit-before">{{VALUE}}</span>{{/BEFORE}}{{#BEFORE_EMPTY}}<span class="audit-before muted">(пусто)</span>{{/BEFORE_EMPTY}} → {{#AFTER}}<span class="audit-after">{{VALUE}}</span>{{/AFTER}}{{#AFTER_EMPTY}}<span class="audit-after muted">(пусто)</span>{{/AFTER_EMPTY}}</li>
{{/CHANGE}}</ul>
</li>
{{/ENTRY}}</ol>
{{>PAGINATION_NAV}}
