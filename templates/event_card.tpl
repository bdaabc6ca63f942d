{{%AUTOESCAPE context="HTML"}}<article class="event-card{{#CANCELLED}} event-cancelled{{/CANCELLED}}">
<p class="card-date"><time datetime="{{WHEN_ISO}}">{{WHEN}}</time></p>
<h3 class="event-title"><a href="/events/{{ID}}">{{TITLE}}</a></h3>
{{#CANCELLED}}<p class="notice notice-archived">Мероприятие отменено.</p>{{/CANCELLED}}
<p class="event-summary">{{SUMMARY}}</p>
<p class="event-where">{{WHERE}}</p>
<p class="service-centre">Центр: <a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></p>
</article>
