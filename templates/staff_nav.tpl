{{%AUTOESCAPE context="HTML"}}<nav class="staff-nav" aria-label="Кабинет центра">
<p class="staff-centre"><a href="/staff/">Кабинет центра</a>: <strong>{{CENTRE_NAME}}</strong>{{#CHANGE_CENTRE}} · <a href="{{CHANGE_CENTRE_URL}}">выбрать другой центр</a>{{/CHANGE_CENTRE}}</p>
<ul>
{{#TAB}}<li><a href="{{TAB_URL}}"{{#TAB_CURRENT}} aria-current="page"{{/TAB_CURRENT}}>{{TAB_TEXT}}</a></li>
{{/TAB}}</ul>
</nav>
