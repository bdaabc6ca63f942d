{{%AUTOESCAPE context="HTML"}}<article class="news-card">
<p class="card-date"><time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
<h3 class="news-title"><a href="/news/{{ID}}">{{TITLE}}</a></h3>
<p class="news-summary">{{SUMMARY}}</p>
<p class="service-centre">Центр: <a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></p>
</article>
