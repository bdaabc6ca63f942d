{{%AUTOESCAPE context="HTML"}}<section class="request-history" aria-labelledby="history-title">
<h2 id="history-title">История заявки</h2>
<ol class="history">
{{#EVENT}}<li class="history-event event-{{HISTORY_KIND}}">
<p><strong>{{EVENT_LABEL}}</strong> — <time>{{EVENT_AT}}</time>, {{EVENT_ACTOR}}</p>
{{#REFERRAL}}<p class="referral">Из центра «{{FROM_CENTRE}}» в центр «{{TO_CENTRE}}»</p>{{/REFERRAL}}
{{#HAS_NOTE}}<p class="description">{{HISTORY_NOTE}}</p>{{/HAS_NOTE}}
</li>
{{/EVENT}}</ol>
</section>
