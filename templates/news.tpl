{{%AUTOESCAPE context="HTML"}}<h1>Новости ресурсных центров</h1>
<form class="filters" action="/news" method="get" aria-label="Фильтр новостей">
<div class="field">
<label for="f-centre">Центр</label>
<select id="f-centre" name="centre">
<option value="">Все центры</option>
{{#CENTRE_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/CENTRE_OPTION}}</select>
</div>
<div class="field field-actions">
<button type="submit">Показать</button>
<a class="reset" href="/news">Все новости</a>
</div>
</form>
<p class="result-count" id="result-count">Найдено: <strong>{{TOTAL}}</strong></p>
{{#EMPTY}}<div class="empty" role="status"><p>Новостей пока нет. Посмотрите <a href="/news">новости всех центров</a>.</p></div>{{/EMPTY}}
<h2 class="visually-hidden">Список новостей</h2>
<div class="news-list">
{{#NEWS}}{{>NEWS_CARD}}{{/NEWS}}
</div>
{{>PAGINATION_NAV}}
