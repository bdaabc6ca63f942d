{{%AUTOESCAPE context="HTML"}}<h1>Реестр НКО</h1>
<form class="filters" action="/ngos" method="get" role="search" aria-label="Поиск по реестру">
<div class="field field-wide">
<label for="n-q">Название, ИНН, ОГРН или направление работы</label>
<input id="n-q" name="q" type="search" value="{{Q}}" maxlength="200">
</div>
<div class="field">
<label for="n-district">Район</label>
<select id="n-district" name="district">
<option value="">Все районы</option>
{{#DISTRICT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/DISTRICT_OPTION}}</select>
</div>
<div class="field field-actions">
<button type="submit">Найти</button>
<a class="reset" href="/ngos">Сбросить</a>
</div>
</form>
<p class="result-count" id="result-count">Найдено: <strong>{{TOTAL}}</strong> {{TOTAL_WORD}}</p>
{{#EMPTY}}<div class="empty" role="status"><p>Организаций по этим условиям не найдено. Уберите часть слов из запроса или выберите «Все районы».</p></div>{{/EMPTY}}
<table class="registry">
<caption class="visually-hidden">Некоммерческие организации</caption>
<thead><tr><th scope="col">Организация</th><th scope="col">Район</th><th scope="col">ИНН</th><th scope="col">Направление</th></tr></thead>
<tbody>
{{#NGO}}<tr><td><a href="/ngos/{{ID}}">{{SHORT_NAME}}</a></td><td>{{DISTRICT_NAME}}</td><td>{{INN}}</td><td>{{ACTIVITY}}</td></tr>
{{/NGO}}</tbody>
</table>
{{#PAGINATION}}<nav class="pagination" aria-label="Страницы реестра">
<p class="page-status">Страница {{PAGE_CURRENT_NUMBER}} из {{PAGE_TOTAL}}</p>
<ul>
{{#PREV}}<li><a rel="prev" href="{{PREV_URL}}">← Назад</a></li>{{/PREV}}
{{#PAGE}}{{#PAGE_GAP}}<li class="gap">…</li>{{/PAGE_GAP}}{{#PAGE_CURRENT}}<li><span aria-current="page">{{PAGE_NUMBER}}</span></li>{{/PAGE_CURRENT}}{{#PAGE_OTHER}}<li><a href="{{PAGE_URL}}">{{PAGE_NUMBER}}</a></li>{{/PAGE_OTHER}}
{{/PAGE}}
{{#NEXT}}<li><a rel="next" href="{{NEXT_URL}}">Вперёд →</a></li>{{/NEXT}}
</ul>
</nav>{{/PAGINATION}}
