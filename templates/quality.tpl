{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="lead">Единый стандарт качества — общие для всех ресурсных центров края правила, по которым получатели оценивают услуги. Оценки проверенные: оценить услугу может только тот, кто её действительно получил.</p>
<nav class="page-contents" aria-label="Разделы страницы">
<ul>
<li><a href="#standard">Критерии и их вес</a></li>
<li><a href="#how">Как оценить услугу</a></li>
<li><a href="#method">Как считается индекс</a></li>
<li><a href="#compare">Сравнение центров</a></li>
<li><a href="#trend">Оценки по месяцам</a></li>
</ul>
</nav>

<section id="standard" aria-labelledby="standard-title">
<h2 id="standard-title">Критерии стандарта и их вес</h2>
{{#NO_STANDARD}}<p>Стандарт качества ещё не утверждён: модератор министерства готовит первую версию. До её публикации услуги оценить нельзя.</p>{{/NO_STANDARD}}
{{#STANDARD}}<p>Действует версия {{VERSION}} — «{{STANDARD_TITLE}}», утверждена {{PUBLISHED_AT}}.</p>
<p class="description">{{STANDARD_DESCRIPTION}}</p>
<p>Каждую услугу оценивают по всем критериям от 1 («очень плохо») до 5 («отлично»). Общая оценка — среднее взвешенное: критерий с бо́льшим весом сильнее влияет на итог. Доля — какую часть общей оценки даёт критерий.</p>
<div class="table-scroll">
<table class="data-table" id="criteria">
<caption>Критерии версии {{VERSION}}</caption>
<thead><tr><th scope="col">Критерий</th><th scope="col">Что оценивается</th><th scope="col">Вес</th><th scope="col">Доля</th></tr></thead>
<tbody>
{{#CRITERION}}<tr><th scope="row">{{NAME}}</th><td>{{DESCRIPTION}}</td><td>{{WEIGHT}}</td><td>{{SHARE}} %</td></tr>
{{/CRITERION}}</tbody>
</table>
</div>
<p>Когда выходит новая версия стандарта, уже поставленные оценки не пересчитываются: каждая оценка хранит версию, по которой её поставили. Критерий, который переходит в новую версию, продолжает свой ряд оценок.</p>{{/STANDARD}}
</section>

<section id="how" aria-labelledby="how-title">
<h2 id="how-title">Как оценить услугу и что проверяет площадка</h2>
<ol>
<li>Отправьте заявку на странице услуги (для этого нужна учётная запись).</li>
<li>Когда центр отметит заявку выполненной, на её странице в разделе <a href="/account/requests">«Мои заявки»</a> появится форма оценки.</li>
<li>Поставьте оценку от 1 до 5 по каждому критерию и, если хотите, напишите отзыв — не длиннее 2000 символов.</li>
</ol>
<p>Площадка проверяет, что:</p>
<ul>
<li>оценивают только выполненную заявку и только тот, кто её отправил;</li>
<li>одну заявку оценивают один раз, исправить оценку нельзя;</li>
<li>сотрудники центра не оценивают услуги своего центра;</li>
<li>отзыв появляется на странице услуги только после проверки модератором; сами оценки учитываются сразу.</li>
</ul>
</section>

<section id="method" aria-labelledby="method-title">
<h2 id="method-title">Как считается индекс</h2>
<p>Индекс качества — средняя оценка, поправленная на то, сколько оценок собрано. Пока оценок мало, одна случайная оценка сильно сдвигает среднюю. Поэтому к настоящим оценкам добавляются {{PRIOR_WEIGHT}} условных оценок, равных средней по всему краю (априорная средняя, m):</p>
<p class="formula">индекс = ({{PRIOR_WEIGHT}} · m + сумма оценок) ÷ ({{PRIOR_WEIGHT}} + число оценок)</p>
<p>Чем больше настоящих оценок, тем меньше весят условные: при 5 оценках — половину, при 45 — десятую часть.</p>
<p>Средняя по краю m своя для общего индекса и для каждого критерия. Она считается по всем оценкам центров края, поставленным до начала текущих суток по всемирному времени (UTC), поэтому в течение суток не меняется. Пока в крае нет ни одной оценки, m = {{NEUTRAL_PRIOR}} — середина шкалы.</p>
<div class="table-scroll">
<table class="data-table" id="priors">
<caption>Средняя по краю (m) сейчас</caption>
<thead><tr><th scope="col">Показатель</th><th scope="col">m</th><th scope="col">Оценок</th></tr></thead>
<tbody>
{{#PRIOR}}<tr><th scope="row">{{PRIOR_NAME}}</th><td>{{PRIOR_MEAN}}</td><td>{{PRIOR_N}}</td></tr>
{{/PRIOR}}</tbody>
</table>
</div>
<p>Рядом с индексом показаны число оценок и неопределённость — 95-процентный доверительный интервал обычной средней оценки: средняя ± 1,96 · s ÷ √n, где s — стандартное отклонение оценок, n — их число. Границы не выходят за шкалу от 1 до 5. Узкий интервал значит, что оценки согласованы и их достаточно, широкий — что картина пока неясна. Интервал строится вокруг обычной средней, а индекс немного сдвинут к средней по краю, поэтому он может лежать ближе к краю интервала.</p>
<p>Если оценок меньше {{THRESHOLD}}, вместо числа написано «недостаточно оценок».</p>
<p>Общая оценка одной заявки — среднее взвешенное её оценок по критериям: сумма произведений «оценка × вес», делённая на сумму весов.</p>
</section>

<section id="compare" aria-labelledby="compare-title">
<h2 id="compare-title">Сравнение ресурсных центров</h2>
<p>Диаграмма показывает один показатель, таблица под ней — все. Сейчас на диаграмме: <strong>{{SHOWN_NAME}}</strong>.</p>
<nav aria-label="Показатель на диаграмме">
<ul class="tags measure-choice">
{{#MEASURE}}<li>{{#MEASURE_SHOWN}}<span class="tag" aria-current="true">{{MEASURE_NAME}}</span>{{/MEASURE_SHOWN}}{{#MEASURE_OTHER}}<a class="tag" href="{{MEASURE_URL}}#compare">{{MEASURE_NAME}}</a>{{/MEASURE_OTHER}}</li>
{{/MEASURE}}</ul>
</nav>
<figure class="chart">
<img class="chart-image" src="{{CHART_URL}}" alt="Диаграмма «Сравнение центров: {{SHOWN_NAME}}». Все значения — в таблице «Сравнение центров» под диаграммой.">
<span class="img-alt">Диаграмма «Сравнение центров: {{SHOWN_NAME}}». Все значения — в таблице «Сравнение центров» под диаграммой.</span>
</figure>
{{#NO_CENTRES}}<p class="empty">В крае пока нет ресурсных центров.</p>{{/NO_CENTRES}}
<div class="table-scroll">
<table class="data-table" id="compare-table">
<caption>Сравнение центров: в клетке — индекс, под ним число оценок и 95-процентный интервал средней</caption>
<thead><tr><th scope="col">Центр</th>{{#MEASURE}}<th scope="col">{{MEASURE_NAME}}</th>{{/MEASURE}}</tr></thead>
<tbody>
{{#CENTRE}}<tr><th scope="row"><a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></th>{{#CELL}}<td>{{>INDEX}}</td>{{/CELL}}</tr>
{{/CENTRE}}</tbody>
</table>
</div>
</section>

<section id="trend" aria-labelledby="trend-title">
<h2 id="trend-title">Оценки по месяцам</h2>
<p>Средняя общая оценка всех услуг центров края за последние 12 месяцев, по местному времени. Здесь индекс не поправляется: за месяц по всему краю это обычная средняя.</p>
<figure class="chart">
<img class="chart-image" src="/quality/chart-trend.svg" alt="Диаграмма «Средняя общая оценка по месяцам». Все значения — в таблице «Оценки по месяцам» под диаграммой.">
<span class="img-alt">Диаграмма «Средняя общая оценка по месяцам». Все значения — в таблице «Оценки по месяцам» под диаграммой.</span>
</figure>
<div class="table-scroll">
<table class="data-table" id="trend-table">
<caption>Оценки по месяцам</caption>
<thead><tr><th scope="col">Месяц</th><th scope="col">Средняя общая оценка</th></tr></thead>
<tbody>
{{#MONTH}}<tr><th scope="row">{{MONTH_LABEL}}</th><td>{{>INDEX}}</td></tr>
{{/MONTH}}</tbody>
</table>
</div>
</section>
<p>Показатели качества и охват районов доступны как <a href="/opendata">открытые данные</a>. Какие районы услуги центров не охватывают — на странице <a href="/coverage">«Охват районов»</a>.</p>
