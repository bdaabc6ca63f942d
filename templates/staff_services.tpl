{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<h1>{{TITLE}}</h1>
<p><a class="button-link" href="{{NEW_URL}}">Добавить услугу</a></p>
<p class="result-count">Всего услуг: <strong>{{TOTAL}}</strong>, включая архивные.</p>
{{#EMPTY}}<p class="empty">У центра пока нет услуг. Добавьте первую — она сразу появится в каталоге.</p>{{/EMPTY}}
<table class="registry staff-table">
<thead><tr><th scope="col">Услуга</th><th scope="col">Вид поддержки</th><th scope="col">Состояние</th><th scope="col">На сайте</th></tr></thead>
<tbody>
{{#SERVICE}}<tr{{#ARCHIVED}} class="archived"{{/ARCHIVED}}><td><a href="/staff/services/{{ID}}">{{TITLE}}</a></td><td>{{CATEGORY_NAME}}</td><td>{{STATUS}}</td><td><a href="/services/{{ID}}">открыть</a></td></tr>
{{/SERVICE}}</tbody>
</table>
