{{%AUTOESCAPE context="HTML"}}<article class="service-card">
<h3 class="service-title"><a href="/services/{{ID}}">{{TITLE}}</a></h3>
<p class="service-summary">{{SUMMARY}}</p>
<ul class="tags">
<li class="tag">{{CATEGORY_NAME}}</li>
<li class="tag">{{FORMAT}}</li>
<li class="tag tag-{{COST_VALUE}}">{{COST}}</li>
<li class="tag">Для кого: {{TARGET}}</li>
</ul>
<p class="service-centre">Центр: <a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></p>
</article>
