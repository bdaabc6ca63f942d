{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="lead">Многие проекты некоммерческих организаций живут ровно один грант: деньги кончаются — и проект исчезает. Эта страница показывает, какая доля проектов продолжает жить через полгода и через год после окончания первого гранта — по районам, по ресурсным центрам, которые их поддерживают, и по годам. Данные на {{AS_OF}}.</p>
{{#SUMMARY}}<div class="survival-summary" role="status">
<p>В расчёте <strong>{{PROJECTS}}</strong> {{PROJECTS_WORD}} с грантом.</p>
<ul>
{{#H6}}<li>Через 6 месяцев после гранта живы <strong>{{SHARE}}</strong>: {{ALIVE}} из {{OBSERVED}} {{OF_6_WORD}}, у которых этот срок уже прошёл.</li>{{/H6}}
{{#H12}}<li>Через 12 месяцев после гранта живы <strong>{{SHARE}}</strong>: {{ALIVE}} из {{OBSERVED}} {{OF_12_WORD}}, у которых этот срок уже прошёл.</li>{{/H12}}
</ul>
</div>{{/SUMMARY}}
<section class="survival-method" aria-labelledby="method-title">
<h2 id="method-title">Как считается</h2>
<ol>
<li><strong>Какие проекты.</strong> Проекты, у которых первый грант — Фонда президентских грантов, региональный или муниципальный — и указана дата его окончания. Проект, который организация отметила как продолжение своего более раннего проекта, отдельно не считается: его грант — это «следующий грант» того, более раннего проекта.</li>
<li><strong>Когда проверяем.</strong> Через 6 и через 12 календарных месяцев после последнего дня первого гранта (если такого числа в месяце нет — в последний день месяца).</li>
<li><strong>Живой проект.</strong> Проект считается живым на эту дату, если верно хотя бы одно:
<ul>
<li>сейчас он в состоянии «Продолжается после гранта», «Реализуется» или «Получено финансирование»;</li>
<li>позже этой даты организация публиковала новости проекта или меняла его состояние — на любое, кроме «Закрыт»;</li>
<li>у проекта есть следующий грант: проект, отмеченный как его продолжение, получил средства (из любого источника, кроме собственных средств организации), и этот грант начался после окончания первого и не позже этой даты.</li>
</ul></li>
<li><strong>Доля</strong> — число живых проектов, делённое на число проектов, у которых 6 (или 12) месяцев после гранта уже прошли. Проекты, у которых этот срок ещё не наступил, в долю не входят; если таких в строке все, вместо доли написано «ещё рано». Доли округлены до десятых долей процента.</li>
</ol>
<p>Данные о проектах вносят сами организации в личном кабинете, а ресурсные центры видят свои проекты под риском и помогают им. Все проекты — в разделе <a href="/projects">«Проекты НКО»</a>. Эти же цифры — открытый набор данных «Выживаемость проектов НКО после гранта» на странице <a href="/opendata">«Открытые данные»</a>.</p>
</section>
{{#BREAKDOWN}}<section class="survival-breakdown" id="by-{{CODE}}" aria-labelledby="heading-{{CODE}}">
<h2 id="heading-{{CODE}}">{{HEADING}}</h2>
{{#NO_ROWS}}<p class="empty">Проектов с законченным грантом пока нет.</p>{{/NO_ROWS}}
<div class="survival-layout">
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="caption-{{CODE}}">
<table class="registry survival-table" id="table-{{CODE}}">
<caption id="caption-{{CODE}}">{{HEADING}}: сколько проектов живы через 6 и 12 месяцев после первого гранта</caption>
<thead>
<tr><th scope="col" rowspan="2">{{COLUMN}}</th><th scope="col" rowspan="2">Проектов с грантом</th><th scope="colgroup" colspan="3">Через 6 месяцев</th><th scope="colgroup" colspan="3">Через 12 месяцев</th></tr>
<tr><th scope="col">Срок прошёл</th><th scope="col">Живы</th><th scope="col">Доля</th><th scope="col">Срок прошёл</th><th scope="col">Живы</th><th scope="col">Доля</th></tr>
</thead>
<tbody>
{{#ROW}}<tr data-key="{{KEY}}"><th scope="row">{{NAME}}</th><td>{{PROJECTS}}</td>{{#H6}}<td class="h6-observed">{{OBSERVED}}</td><td class="h6-alive">{{ALIVE}}</td><td class="h6-share">{{SHARE}}</td>{{/H6}}{{#H12}}<td class="h12-observed">{{OBSERVED}}</td><td class="h12-alive">{{ALIVE}}</td><td class="h12-share">{{SHARE}}</td>{{/H12}}</tr>
{{/ROW}}</tbody>
</table>
</div>
<div class="survival-charts">
<figure class="chart">
<img src="/survival/{{CODE}}-6.svg" alt="Диаграмма: доля проектов, живых через 6 месяцев после первого гранта, {{BY}}. Те же данные — в таблице «{{HEADING}}»." loading="lazy">
<figcaption>Через 6 месяцев после гранта, {{BY}}</figcaption>
</figure>
<figure class="chart">
<img src="/survival/{{CODE}}-12.svg" alt="Диаграмма: доля проектов, живых через 12 месяцев после первого гранта, {{BY}}. Те же данные — в таблице «{{HEADING}}»." loading="lazy">
<figcaption>Через 12 месяцев после гранта, {{BY}}</figcaption>
</figure>
</div>
</div>
</section>
{{/BREAKDOWN}}
