{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<h1>{{TITLE}}</h1>
<p><a class="button-link" href="{{NEW_URL}}">Написать новость</a></p>
<p class="result-count">Всего новостей: <strong>{{TOTAL}}</strong>, включая черновики.</p>
{{#EMPTY}}<p class="empty">У центра пока нет новостей. Напишите первую: она сохранится черновиком, а после публикации появится в разделе «Новости», на странице центра и на главной.</p>{{/EMPTY}}
<table class="registry staff-table">
<thead><tr><th scope="col">Новость</th><th scope="col">Состояние</th><th scope="col">Опубликована</th></tr></thead>
<tbody>
{{#NEWS}}<tr><td><a href="/staff/news/{{ID}}">{{TITLE}}</a></td><td>{{STATUS}}</td><td>{{#PUBLISHED}}<a href="/news/{{ID}}">{{PUBLISHED_AT}}</a>{{/PUBLISHED}}</td></tr>
{{/NEWS}}</tbody>
</table>
