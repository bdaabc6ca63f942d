{{%AUTOESCAPE context="HTML"}}<h1>Каталог услуг</h1>
<form class="filters" action="/services" method="get" role="search" aria-label="Фильтры каталога">
{{#CENTRE_FILTER}}<input type="hidden" name="centre" value="{{CENTRE_VALUE}}">{{/CENTRE_FILTER}}
<div class="field field-wide">
<label for="f-q">Что нужно</label>
<input id="f-q" name="q" type="search" value="{{Q}}" maxlength="200" placeholder="например, бухгалтерская консультация">
</div>
<div class="field">
<label for="f-district">Район</label>
<select id="f-district" name="district">
<option value="">Все районы</option>
{{#DISTRICT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/DISTRICT_OPTION}}</select>
</div>
<div class="field">
<label for="f-category">Вид поддержки</label>
<select id="f-category" name="category">
<option value="">Все виды</option>
{{#CATEGORY_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{#OPTION_CHILD}}— {{/OPTION_CHILD}}{{OPTION_TEXT}}</option>
{{/CATEGORY_OPTION}}</select>
</div>
<div class="field">
<label for="f-target">Для кого</label>
<select id="f-target" name="target">
<option value="">Для всех</option>
{{#TARGET_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/TARGET_OPTION}}</select>
</div>
<div class="field">
<label for="f-format">Формат</label>
<select id="f-format" name="format">
<option value="">Любой</option>
{{#FORMAT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/FORMAT_OPTION}}</select>
</div>
<div class="field">
<label for="f-cost">Стоимость</label>
<select id="f-cost" name="cost">
<option value="">Любая</option>
{{#COST_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/COST_OPTION}}</select>
</div>
<div class="field field-actions">
<button type="submit">Показать</button>
<a class="reset" href="/services">Сбросить фильтры</a>
</div>
</form>
<p class="result-count" id="result-count">Найдено: <strong>{{TOTAL}}</strong> {{TOTAL_WORD}}</p>
{{#EMPTY}}<div class="empty" role="status">
<p>По выбранным условиям услуг не найдено. Попробуйте ослабить условия поиска:</p>
<ul class="loosen">
{{#LOOSEN}}<li><a href="{{LOOSEN_URL}}">убрать условие «{{LOOSEN_WHAT}}»</a></li>
{{/LOOSEN}}<li><a href="/services">показать все услуги</a></li>
</ul>
</div>{{/EMPTY}}
<h2 class="visually-hidden">Найденные услуги</h2>
<div class="service-list">
{{#SERVICE}}{{>SERVICE_ITEM}}{{/SERVICE}}
</div>
{{#PAGINATION}}<nav class="pagination" aria-label="Страницы результатов">
<p class="page-status">Страница {{PAGE_CURRENT_NUMBER}} из {{PAGE_TOTAL}}</p>
<ul>
{{#PREV}}<li><a rel="prev" href="{{PREV_URL}}">← Назад</a></li>{{/PREV}}
{{#PAGE}}{{#PAGE_GAP}}<li class="gap">…</li>{{/PAGE_GAP}}{{#PAGE_CURRENT}}<li><span aria-current="page">{{PAGE_NUMBER}}</span></li>{{/PAGE_CURRENT}}{{#PAGE_OTHER}}<li><a href="{{PAGE_URL}}">{{PAGE_NUMBER}}</a></li>{{/PAGE_OTHER}}
{{/PAGE}}
{{#NEXT}}<li><a rel="next" href="{{NEXT_URL}}">Вперёд →</a></li>{{/NEXT}}
</ul>
</nav>{{/PAGINATION}}
