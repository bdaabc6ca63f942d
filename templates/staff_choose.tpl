{{%AUTOESCAPE context="HTML"}}<h1>Выберите ресурсный центр</h1>
<p class="lead">Модератор может вести данные любого центра. Выберите центр, с данными которого хотите работать.</p>
<ul class="centre-list">
{{#CENTRE}}<li><a href="{{CENTRE_URL}}">{{CENTRE_NAME}}</a> <span class="muted">— {{CENTRE_DISTRICT}}</span></li>
{{/CENTRE}}</ul>
