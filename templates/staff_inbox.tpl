{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<nav class="status-counts" aria-label="Заявки по статусам">
<ul class="tags">
<li><a class="tag" href="{{ALL_URL}}"{{#ALL_CURRENT}} aria-current="page"{{/ALL_CURRENT}}>Все: <span class="count" id="count-all">{{ALL_COUNT}}</span></a></li>
{{#STATUS_COUNT}}<li><a class="tag" href="{{COUNT_URL}}"{{#COUNT_CURRENT}} aria-current="page"{{/COUNT_CURRENT}}>{{COUNT_LABEL}}: <span class="count" id="count-{{COUNT_STATUS}}">{{COUNT}}</span></a></li>
{{/STATUS_COUNT}}</ul>
</nav>
<form class="filters" action="/staff/" method="get" aria-label="Фильтры заявок">
{{#CENTRE_FILTER}}<div class="field">
<label for="i-centre">Центр</label>
<select id="i-centre" name="centre">
<option value="">Все центры</option>
{{#CENTRE_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/CENTRE_OPTION}}</select>
</div>{{/CENTRE_FILTER}}
<div class="field">
<label for="i-status">Статус</label>
<select id="i-status" name="status">
<option value="">Любой</option>
{{#STATUS_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/STATUS_OPTION}}</select>
</div>
<div class="field field-wide">
<label for="i-service">Услуга</label>
<select id="i-service" name="service">
<option value="">Все услуги</option>
{{#SERVICE_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/SERVICE_OPTION}}</select>
</div>
<div class="field">
<label for="i-from">Поступила с</label>
<input id="i-from" name="from" type="date" value="{{FROM}}">
</div>
<div class="field">
<label for="i-to">по</label>
<input id="i-to" name="to" type="date" value="{{TO}}">
</div>
<div class="field field-actions">
<button type="submit">Показать</button>
<a class="reset" href="/staff/">Сбросить фильтры</a>
</div>
</form>
<p class="result-count" id="result-count">Найдено: <strong>{{TOTAL}}</strong></p>
{{#EMPTY}}<div class="empty" role="status"><p>Заявок по этим условиям нет. Измените фильтры или нажмите «Сбросить фильтры».</p></div>{{/EMPTY}}
<table class="registry inbox">
<caption class="visually-hidden">Заявки, новые сверху</caption>
<thead><tr><th scope="col">Заявка</th><th scope="col">Услуга</th><th scope="col">Заявитель</th><th scope="col">Статус</th><th scope="col">Поступила</th>{{#ALL_CENTRES}}<th scope="col">Центр</th>{{/ALL_CENTRES}}</tr></thead>
<tbody>
{{#REQUEST}}<tr><td><a href="/staff/requests/{{ID}}">№{{ID}}: {{TOPIC}}</a></td><td>{{SERVICE_TITLE}}</td><td>{{USER_NAME}}</td><td class="status status-{{STATUS}}">{{STATUS_LABEL}}</td><td>{{CREATED_AT}}</td>{{#CENTRE_COLUMN}}<td>{{CENTRE_NAME}}</td>{{/CENTRE_COLUMN}}</tr>
{{/REQUEST}}</tbody>
</table>
{{#PAGINATION}}<nav class="pagination" aria-label="Страницы списка заявок">
<p class="page-status">Страница {{PAGE_CURRENT_NUMBER}} из {{PAGE_TOTAL}}</p>
<ul>
{{#PREV}}<li><a rel="prev" href="{{PREV_URL}}">← Назад</a></li>{{/PREV}}
{{#PAGE}}{{#PAGE_GAP}}<li class="gap">…</li>{{/PAGE_GAP}}{{#PAGE_CURRENT}}<li><span aria-current="page">{{PAGE_NUMBER}}</span></li>{{/PAGE_CURRENT}}{{#PAGE_OTHER}}<li><a href="{{PAGE_URL}}">{{PAGE_NUMBER}}</a></li>{{/PAGE_OTHER}}
{{/PAGE}}
{{#NEXT}}<li><a rel="next" href="{{NEXT_URL}}">Вперёд →</a></li>{{/NEXT}}
</ul>
</nav>{{/PAGINATION}}
