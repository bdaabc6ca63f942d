{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/news">Новости</a> › <a href="/news?centre={{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></nav>
<article class="news">
<h1>{{TITLE}}</h1>
<p class="muted"><time datetime="{{DATE_ISO}}">{{DATE}}</time> · <a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></p>
<p class="lead">{{SUMMARY}}</p>
<div class="description">{{BODY}}</div>
</article>
