{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="lead">Проекты некоммерческих организаций края: на какие средства они идут, кто их поддерживает и продолжаются ли они после гранта. Сводка о том, сколько проектов живут после окончания гранта, — на странице <a href="/survival">«Выживаемость проектов»</a>.</p>
<form class="filters" action="/projects" method="get" role="search" aria-label="Фильтры проектов">
<div class="field field-wide">
<label for="f-q">Название проекта</label>
<input id="f-q" name="q" type="search" value="{{Q}}" maxlength="{{Q_MAX}}" placeholder="например, школа добровольцев">
</div>
<div class="field">
<label for="f-district">Район</label>
<select id="f-district" name="district">
<option value="">Все районы</option>
{{#DISTRICT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/DISTRICT_OPTION}}</select>
</div>
<div class="field">
<label for="f-category">Направление</label>
<select id="f-category" name="category">
<option value="">Все направления</option>
{{#CATEGORY_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{#OPTION_CHILD}}— {{/OPTION_CHILD}}{{OPTION_TEXT}}</option>
{{/CATEGORY_OPTION}}</select>
</div>
<div class="field">
<label for="f-centre">Ресурсный центр</label>
<select id="f-centre" name="centre">
<option value="">Все центры</option>
{{#CENTRE_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/CENTRE_OPTION}}</select>
</div>
<div class="field">
<label for="f-funding">Источник средств</label>
<select id="f-funding" name="funding">
<option value="">Любой</option>
{{#FUNDING_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/FUNDING_OPTION}}</select>
</div>
<div class="field">
<label for="f-status">Состояние</label>
<select id="f-status" name="status">
<option value="">Любое</option>
{{#STATUS_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/STATUS_OPTION}}</select>
</div>
<div class="field form-check">
<input id="f-risk" name="risk" type="checkbox" value="1"{{#RISK_CHECKED}} checked{{/RISK_CHECKED}}>
<label for="f-risk">Только проекты под риском</label>
</div>
<div class="field field-actions">
<button type="submit">Показать</button>
<a class="reset" href="/projects">Сбросить фильтры</a>
</div>
</form>
<p class="result-count" id="result-count">Найдено: <strong>{{TOTAL}}</strong> {{TOTAL_WORD}}</p>
{{#EMPTY}}<div class="empty" role="status"><p>По выбранным условиям проектов нет. Попробуйте убрать часть условий или <a href="/projects">покажите все проекты</a>.</p></div>{{/EMPTY}}
<h2 class="visually-hidden">Найденные проекты</h2>
<div class="project-list">
{{#PROJECT}}{{>PROJECT_CARD}}{{/PROJECT}}
</div>
{{>PAGINATION_NAV}}
