{{ config(materialized='table') }}
{#- MRR Kit movements model, written by `mrr-kit sql`'s generator (src/cli/movements-sql.ts); do not edit by hand. -#}
{%- set as_of = var('mrr_kit_as_of', none) %}
{% if target.type == 'duckdb' %}
{%- set stop = ((as_of[:4] | int) * 12 + (as_of[5:7] | int)) if as_of else '(EXTRACT(YEAR FROM current_date) * 12 + EXTRACT(MONTH FROM current_date) - 1 + 1)' %}
-- MRR movements by month (MRR Kit duckdb model): rules in the header of movements-sql.ts
WITH periods AS (
  -- Usable recurring periods: month span [start_month, end_month) and price in minor units.
  SELECT
    customer_id,
    EXTRACT(YEAR FROM start_date) * 12 + EXTRACT(MONTH FROM start_date) - 1 AS start_month,
    CASE WHEN end_date IS NULL OR EXTRACT(YEAR FROM end_date) * 12 + EXTRACT(MONTH FROM end_date) - 1 >= {{ stop }} THEN {{ stop }}
         ELSE EXTRACT(YEAR FROM end_date) * 12 + EXTRACT(MONTH FROM end_date) - 1 END AS end_month,
    CAST(FLOOR(CAST(amount AS DECIMAL(38, 6)) * 100 + 0.5) AS BIGINT) AS price_minor,
    CASE lower("interval") WHEN 'day' THEN 365 WHEN 'week' THEN 52 ELSE 1 END AS monthly_times,
    CASE lower("interval") WHEN 'day' THEN 12 WHEN 'week' THEN 12 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 ELSE 1 END
      * COALESCE(interval_count, 1) AS monthly_over
  FROM {{ source('billing', 'subscription_periods') }}
  WHERE customer_id IS NOT NULL
    AND start_date IS NOT NULL
    AND amount > 0
    AND (end_date IS NULL OR end_date >= start_date)
    AND lower("interval") IN ('day', 'week', 'month', 'quarter', 'year')
    AND COALESCE(interval_count, 1) >= 1
), spans AS (
  -- Monthly minor units, rounded half up in integers: floor((2·price·times + over) / (2·over)).
  SELECT customer_id, start_month, end_month,
    CAST(FLOOR((2 * price_minor * monthly_times + monthly_over) / (2 * monthly_over)) AS BIGINT) AS mrr
  FROM periods
  WHERE start_month < end_month
), events AS (
  -- A period adds its MRR in its first month and takes it away in its end month (if reported).
  SELECT customer_id, start_month AS month_idx, mrr AS change FROM spans WHERE mrr > 0
  UNION ALL
  SELECT customer_id, end_month AS month_idx, -mrr AS change FROM spans WHERE mrr > 0 AND end_month < {{ stop }}
), customer_changes AS (
  SELECT customer_id, month_idx, SUM(change) AS change FROM events GROUP BY customer_id, month_idx
), customer_mrr AS (
  -- The customer's MRR from this month until its next change.
  SELECT customer_id, month_idx,
    SUM(change) OVER (PARTITION BY customer_id ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS mrr
  FROM customer_changes
), customer_moves AS (
  SELECT month_idx, mrr,
    COALESCE(LAG(mrr) OVER (PARTITION BY customer_id ORDER BY month_idx), 0) AS previous_mrr,
    MIN(CASE WHEN mrr > 0 THEN month_idx END) OVER (PARTITION BY customer_id) AS first_active_month
  FROM customer_mrr
), month_moves AS (
  SELECT month_idx,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month_idx = first_active_month THEN mrr ELSE 0 END) AS new_minor,
    SUM(CASE WHEN mrr > previous_mrr AND previous_mrr > 0 THEN mrr - previous_mrr ELSE 0 END) AS expansion_minor,
    SUM(CASE WHEN mrr < previous_mrr AND mrr > 0 THEN mrr - previous_mrr ELSE 0 END) AS contraction_minor,
    SUM(CASE WHEN mrr = 0 AND previous_mrr > 0 THEN -previous_mrr ELSE 0 END) AS churn_minor,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month_idx > first_active_month THEN mrr ELSE 0 END) AS reactivation_minor,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 THEN 1 WHEN mrr = 0 AND previous_mrr > 0 THEN -1 ELSE 0 END) AS customer_change
  FROM customer_moves
  GROUP BY month_idx
), bounds AS (
  SELECT MIN(month_idx) AS first_month FROM month_moves WHERE new_minor > 0
), spine AS (
  SELECT unnest(range(first_month, {{ stop }})) AS month_idx FROM bounds
), months AS (
  SELECT s.month_idx,
    COALESCE(m.new_minor, 0) AS new_minor,
    COALESCE(m.expansion_minor, 0) AS expansion_minor,
    COALESCE(m.contraction_minor, 0) AS contraction_minor,
    COALESCE(m.churn_minor, 0) AS churn_minor,
    COALESCE(m.reactivation_minor, 0) AS reactivation_minor,
    COALESCE(m.customer_change, 0) AS customer_change
  FROM spine s LEFT JOIN month_moves m ON m.month_idx = s.month_idx
)
SELECT
  make_date(CAST(FLOOR(month_idx / 12) AS BIGINT), CAST(MOD(month_idx, 12) + 1 AS BIGINT), 1) AS month,
  CAST(SUM(new_minor + expansion_minor + contraction_minor + churn_minor + reactivation_minor) OVER (ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / 100 AS DECIMAL(18, 2)) AS ending_mrr,
  CAST(new_minor / 100 AS DECIMAL(18, 2)) AS new,
  CAST(expansion_minor / 100 AS DECIMAL(18, 2)) AS expansion,
  CAST(contraction_minor / 100 AS DECIMAL(18, 2)) AS contraction,
  CAST(churn_minor / 100 AS DECIMAL(18, 2)) AS churn,
  CAST(reactivation_minor / 100 AS DECIMAL(18, 2)) AS reactivation,
  CAST(SUM(customer_change) OVER (ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS customers
FROM months
ORDER BY month
{% elif target.type == 'bigquery' %}
{%- set stop = ((as_of[:4] | int) * 12 + (as_of[5:7] | int)) if as_of else '(EXTRACT(YEAR FROM CURRENT_DATE()) * 12 + EXTRACT(MONTH FROM CURRENT_DATE()) - 1 + 1)' %}
-- MRR movements by month (MRR Kit bigquery model): rules in the header of movements-sql.ts
WITH periods AS (
  -- Usable recurring periods: month span [start_month, end_month) and price in minor units.
  SELECT
    customer_id,
    EXTRACT(YEAR FROM start_date) * 12 + EXTRACT(MONTH FROM start_date) - 1 AS start_month,
    CASE WHEN end_date IS NULL OR EXTRACT(YEAR FROM end_date) * 12 + EXTRACT(MONTH FROM end_date) - 1 >= {{ stop }} THEN {{ stop }}
         ELSE EXTRACT(YEAR FROM end_date) * 12 + EXTRACT(MONTH FROM end_date) - 1 END AS end_month,
    CAST(FLOOR(CAST(amount AS NUMERIC) * 100 + 0.5) AS INT64) AS price_minor,
    CASE lower(`interval`) WHEN 'day' THEN 365 WHEN 'week' THEN 52 ELSE 1 END AS monthly_times,
    CASE lower(`interval`) WHEN 'day' THEN 12 WHEN 'week' THEN 12 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 ELSE 1 END
      * COALESCE(interval_count, 1) AS monthly_over
  FROM {{ source('billing', 'subscription_periods') }}
  WHERE customer_id IS NOT NULL
    AND start_date IS NOT NULL
    AND amount > 0
    AND (end_date IS NULL OR end_date >= start_date)
    AND lower(`interval`) IN ('day', 'week', 'month', 'quarter', 'year')
    AND COALESCE(interval_count, 1) >= 1
), spans AS (
  -- Monthly minor units, rounded half up in integers: floor((2·price·times + over) / (2·over)).
  SELECT customer_id, start_month, end_month,
    CAST(FLOOR((2 * price_minor * monthly_times + monthly_over) / (2 * monthly_over)) AS INT64) AS mrr
  FROM periods
  WHERE start_month < end_month
), events AS (
  -- A period adds its MRR in its first month and takes it away in its end month (if reported).
  SELECT customer_id, start_month AS month_idx, mrr AS change FROM spans WHERE mrr > 0
  UNION ALL
  SELECT customer_id, end_month AS month_idx, -mrr AS change FROM spans WHERE mrr > 0 AND end_month < {{ stop }}
), customer_changes AS (
  SELECT customer_id, month_idx, SUM(change) AS change FROM events GROUP BY customer_id, month_idx
), customer_mrr AS (
  -- The customer's MRR from this month until its next change.
  SELECT customer_id, month_idx,
    SUM(change) OVER (PARTITION BY customer_id ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS mrr
  FROM customer_changes
), customer_moves AS (
  SELECT month_idx, mrr,
    COALESCE(LAG(mrr) OVER (PARTITION BY customer_id ORDER BY month_idx), 0) AS previous_mrr,
    MIN(CASE WHEN mrr > 0 THEN month_idx END) OVER (PARTITION BY customer_id) AS first_active_month
  FROM customer_mrr
), month_moves AS (
  SELECT month_idx,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month_idx = first_active_month THEN mrr ELSE 0 END) AS new_minor,
    SUM(CASE WHEN mrr > previous_mrr AND previous_mrr > 0 THEN mrr - previous_mrr ELSE 0 END) AS expansion_minor,
    SUM(CASE WHEN mrr < previous_mrr AND mrr > 0 THEN mrr - previous_mrr ELSE 0 END) AS contraction_minor,
    SUM(CASE WHEN mrr = 0 AND previous_mrr > 0 THEN -previous_mrr ELSE 0 END) AS churn_minor,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month_idx > first_active_month THEN mrr ELSE 0 END) AS reactivation_minor,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 THEN 1 WHEN mrr = 0 AND previous_mrr > 0 THEN -1 ELSE 0 END) AS customer_change
  FROM customer_moves
  GROUP BY month_idx
), bounds AS (
  SELECT MIN(month_idx) AS first_month FROM month_moves WHERE new_minor > 0
), spine AS (
  SELECT month_idx FROM bounds CROSS JOIN UNNEST(GENERATE_ARRAY(first_month, {{ stop }} - 1)) AS month_idx
), months AS (
  SELECT s.month_idx,
    COALESCE(m.new_minor, 0) AS new_minor,
    COALESCE(m.expansion_minor, 0) AS expansion_minor,
    COALESCE(m.contraction_minor, 0) AS contraction_minor,
    COALESCE(m.churn_minor, 0) AS churn_minor,
    COALESCE(m.reactivation_minor, 0) AS reactivation_minor,
    COALESCE(m.customer_change, 0) AS customer_change
  FROM spine s LEFT JOIN month_moves m ON m.month_idx = s.month_idx
)
SELECT
  DATE(CAST(FLOOR(month_idx / 12) AS INT64), CAST(MOD(month_idx, 12) + 1 AS INT64), 1) AS month,
  ROUND(CAST(SUM(new_minor + expansion_minor + contraction_minor + churn_minor + reactivation_minor) OVER (ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS NUMERIC) / 100, 2) AS ending_mrr,
  ROUND(CAST(new_minor AS NUMERIC) / 100, 2) AS `new`,
  ROUND(CAST(expansion_minor AS NUMERIC) / 100, 2) AS expansion,
  ROUND(CAST(contraction_minor AS NUMERIC) / 100, 2) AS contraction,
  ROUND(CAST(churn_minor AS NUMERIC) / 100, 2) AS churn,
  ROUND(CAST(reactivation_minor AS NUMERIC) / 100, 2) AS reactivation,
  CAST(SUM(customer_change) OVER (ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS INT64) AS customers
FROM months
ORDER BY month
{% elif target.type == 'snowflake' %}
{%- set stop = ((as_of[:4] | int) * 12 + (as_of[5:7] | int)) if as_of else '(EXTRACT(YEAR FROM CURRENT_DATE()) * 12 + EXTRACT(MONTH FROM CURRENT_DATE()) - 1 + 1)' %}
-- MRR movements by month (MRR Kit snowflake model): rules in the header of movements-sql.ts
WITH periods AS (
  -- Usable recurring periods: month span [start_month, end_month) and price in minor units.
  SELECT
    customer_id,
    EXTRACT(YEAR FROM start_date) * 12 + EXTRACT(MONTH FROM start_date) - 1 AS start_month,
    CASE WHEN end_date IS NULL OR EXTRACT(YEAR FROM end_date) * 12 + EXTRACT(MONTH FROM end_date) - 1 >= {{ stop }} THEN {{ stop }}
         ELSE EXTRACT(YEAR FROM end_date) * 12 + EXTRACT(MONTH FROM end_date) - 1 END AS end_month,
    CAST(FLOOR(CAST(amount AS NUMBER(38, 6)) * 100 + 0.5) AS BIGINT) AS price_minor,
    CASE lower("INTERVAL") WHEN 'day' THEN 365 WHEN 'week' THEN 52 ELSE 1 END AS monthly_times,
    CASE lower("INTERVAL") WHEN 'day' THEN 12 WHEN 'week' THEN 12 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 ELSE 1 END
      * COALESCE(interval_count, 1) AS monthly_over
  FROM {{ source('billing', 'subscription_periods') }}
  WHERE customer_id IS NOT NULL
    AND start_date IS NOT NULL
    AND amount > 0
    AND (end_date IS NULL OR end_date >= start_date)
    AND lower("INTERVAL") IN ('day', 'week', 'month', 'quarter', 'year')
    AND COALESCE(interval_count, 1) >= 1
), spans AS (
  -- Monthly minor units, rounded half up in integers: floor((2·price·times + over) / (2·over)).
  SELECT customer_id, start_month, end_month,
    CAST(FLOOR((2 * price_minor * monthly_times + monthly_over) / (2 * monthly_over)) AS BIGINT) AS mrr
  FROM periods
  WHERE start_month < end_month
), events AS (
  -- A period adds its MRR in its first month and takes it away in its end month (if reported).
  SELECT customer_id, start_month AS month_idx, mrr AS change FROM spans WHERE mrr > 0
  UNION ALL
  SELECT customer_id, end_month AS month_idx, -mrr AS change FROM spans WHERE mrr > 0 AND end_month < {{ stop }}
), customer_changes AS (
  SELECT customer_id, month_idx, SUM(change) AS change FROM events GROUP BY customer_id, month_idx
), customer_mrr AS (
  -- The customer's MRR from this month until its next change.
  SELECT customer_id, month_idx,
    SUM(change) OVER (PARTITION BY customer_id ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS mrr
  FROM customer_changes
), customer_moves AS (
  SELECT month_idx, mrr,
    COALESCE(LAG(mrr) OVER (PARTITION BY customer_id ORDER BY month_idx), 0) AS previous_mrr,
    MIN(CASE WHEN mrr > 0 THEN month_idx END) OVER (PARTITION BY customer_id) AS first_active_month
  FROM customer_mrr
), month_moves AS (
  SELECT month_idx,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month_idx = first_active_month THEN mrr ELSE 0 END) AS new_minor,
    SUM(CASE WHEN mrr > previous_mrr AND previous_mrr > 0 THEN mrr - previous_mrr ELSE 0 END) AS expansion_minor,
    SUM(CASE WHEN mrr < previous_mrr AND mrr > 0 THEN mrr - previous_mrr ELSE 0 END) AS contraction_minor,
    SUM(CASE WHEN mrr = 0 AND previous_mrr > 0 THEN -previous_mrr ELSE 0 END) AS churn_minor,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month_idx > first_active_month THEN mrr ELSE 0 END) AS reactivation_minor,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 THEN 1 WHEN mrr = 0 AND previous_mrr > 0 THEN -1 ELSE 0 END) AS customer_change
  FROM customer_moves
  GROUP BY month_idx
), bounds AS (
  SELECT MIN(month_idx) AS first_month FROM month_moves WHERE new_minor > 0
), spine AS (
  SELECT CAST(f.value AS BIGINT) AS month_idx FROM bounds, LATERAL FLATTEN(input => ARRAY_GENERATE_RANGE(first_month, {{ stop }})) f
), months AS (
  SELECT s.month_idx,
    COALESCE(m.new_minor, 0) AS new_minor,
    COALESCE(m.expansion_minor, 0) AS expansion_minor,
    COALESCE(m.contraction_minor, 0) AS contraction_minor,
    COALESCE(m.churn_minor, 0) AS churn_minor,
    COALESCE(m.reactivation_minor, 0) AS reactivation_minor,
    COALESCE(m.customer_change, 0) AS customer_change
  FROM spine s LEFT JOIN month_moves m ON m.month_idx = s.month_idx
)
SELECT
  DATE_FROM_PARTS(CAST(FLOOR(month_idx / 12) AS BIGINT), MOD(month_idx, 12) + 1, 1) AS month,
  CAST(SUM(new_minor + expansion_minor + contraction_minor + churn_minor + reactivation_minor) OVER (ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / 100 AS NUMBER(18, 2)) AS ending_mrr,
  CAST(new_minor / 100 AS NUMBER(18, 2)) AS new,
  CAST(expansion_minor / 100 AS NUMBER(18, 2)) AS expansion,
  CAST(contraction_minor / 100 AS NUMBER(18, 2)) AS contraction,
  CAST(churn_minor / 100 AS NUMBER(18, 2)) AS churn,
  CAST(reactivation_minor / 100 AS NUMBER(18, 2)) AS reactivation,
  CAST(SUM(customer_change) OVER (ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS customers
FROM months
ORDER BY month
{% elif target.type in ('spark', 'databricks') %}
{%- set stop = ((as_of[:4] | int) * 12 + (as_of[5:7] | int)) if as_of else '(year(current_date()) * 12 + month(current_date()) - 1 + 1)' %}
-- MRR movements by month (MRR Kit spark model): rules in the header of movements-sql.ts
WITH periods AS (
  -- Usable recurring periods: month span [start_month, end_month) and price in minor units.
  SELECT
    customer_id,
    year(start_date) * 12 + month(start_date) - 1 AS start_month,
    CASE WHEN end_date IS NULL OR year(end_date) * 12 + month(end_date) - 1 >= {{ stop }} THEN {{ stop }}
         ELSE year(end_date) * 12 + month(end_date) - 1 END AS end_month,
    CAST(FLOOR(CAST(amount AS DECIMAL(38, 6)) * 100 + 0.5) AS BIGINT) AS price_minor,
    CASE lower(`interval`) WHEN 'day' THEN 365 WHEN 'week' THEN 52 ELSE 1 END AS monthly_times,
    CASE lower(`interval`) WHEN 'day' THEN 12 WHEN 'week' THEN 12 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 ELSE 1 END
      * COALESCE(interval_count, 1) AS monthly_over
  FROM {{ source('billing', 'subscription_periods') }}
  WHERE customer_id IS NOT NULL
    AND start_date IS NOT NULL
    AND amount > 0
    AND (end_date IS NULL OR end_date >= start_date)
    AND lower(`interval`) IN ('day', 'week', 'month', 'quarter', 'year')
    AND COALESCE(interval_count, 1) >= 1
), spans AS (
  -- Monthly minor units, rounded half up in integers: floor((2·price·times + over) / (2·over)).
  SELECT customer_id, start_month, end_month,
    CAST(FLOOR((2 * price_minor * monthly_times + monthly_over) / (2 * monthly_over)) AS BIGINT) AS mrr
  FROM periods
  WHERE start_month < end_month
), events AS (
  -- A period adds its MRR in its first month and takes it away in its end month (if reported).
  SELECT customer_id, start_month AS month_idx, mrr AS change FROM spans WHERE mrr > 0
  UNION ALL
  SELECT customer_id, end_month AS month_idx, -mrr AS change FROM spans WHERE mrr > 0 AND end_month < {{ stop }}
), customer_changes AS (
  SELECT customer_id, month_idx, SUM(change) AS change FROM events GROUP BY customer_id, month_idx
), customer_mrr AS (
  -- The customer's MRR from this month until its next change.
  SELECT customer_id, month_idx,
    SUM(change) OVER (PARTITION BY customer_id ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS mrr
  FROM customer_changes
), customer_moves AS (
  SELECT month_idx, mrr,
    COALESCE(LAG(mrr) OVER (PARTITION BY customer_id ORDER BY month_idx), 0) AS previous_mrr,
    MIN(CASE WHEN mrr > 0 THEN month_idx END) OVER (PARTITION BY customer_id) AS first_active_month
  FROM customer_mrr
), month_moves AS (
  SELECT month_idx,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month_idx = first_active_month THEN mrr ELSE 0 END) AS new_minor,
    SUM(CASE WHEN mrr > previous_mrr AND previous_mrr > 0 THEN mrr - previous_mrr ELSE 0 END) AS expansion_minor,
    SUM(CASE WHEN mrr < previous_mrr AND mrr > 0 THEN mrr - previous_mrr ELSE 0 END) AS contraction_minor,
    SUM(CASE WHEN mrr = 0 AND previous_mrr > 0 THEN -previous_mrr ELSE 0 END) AS churn_minor,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 AND month_idx > first_active_month THEN mrr ELSE 0 END) AS reactivation_minor,
    SUM(CASE WHEN mrr > 0 AND previous_mrr = 0 THEN 1 WHEN mrr = 0 AND previous_mrr > 0 THEN -1 ELSE 0 END) AS customer_change
  FROM customer_moves
  GROUP BY month_idx
), bounds AS (
  SELECT MIN(month_idx) AS first_month FROM month_moves WHERE new_minor > 0
), spine AS (
  SELECT explode(sequence(first_month, {{ stop }} - 1)) AS month_idx FROM bounds
), months AS (
  SELECT s.month_idx,
    COALESCE(m.new_minor, 0) AS new_minor,
    COALESCE(m.expansion_minor, 0) AS expansion_minor,
    COALESCE(m.contraction_minor, 0) AS contraction_minor,
    COALESCE(m.churn_minor, 0) AS churn_minor,
    COALESCE(m.reactivation_minor, 0) AS reactivation_minor,
    COALESCE(m.customer_change, 0) AS customer_change
  FROM spine s LEFT JOIN month_moves m ON m.month_idx = s.month_idx
)
SELECT
  make_date(CAST(FLOOR(month_idx / 12) AS INT), CAST(MOD(month_idx, 12) + 1 AS INT), 1) AS month,
  CAST(SUM(new_minor + expansion_minor + contraction_minor + churn_minor + reactivation_minor) OVER (ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / 100 AS DECIMAL(18, 2)) AS ending_mrr,
  CAST(new_minor / 100 AS DECIMAL(18, 2)) AS new,
  CAST(expansion_minor / 100 AS DECIMAL(18, 2)) AS expansion,
  CAST(contraction_minor / 100 AS DECIMAL(18, 2)) AS contraction,
  CAST(churn_minor / 100 AS DECIMAL(18, 2)) AS churn,
  CAST(reactivation_minor / 100 AS DECIMAL(18, 2)) AS reactivation,
  CAST(SUM(customer_change) OVER (ORDER BY month_idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS customers
FROM months
ORDER BY month
{% else %}
{{ exceptions.raise_compiler_error('mrr_movements: no SQL for adapter ' ~ target.type ~ ' (duckdb, bigquery, snowflake, spark, databricks)') }}
{% endif %}
