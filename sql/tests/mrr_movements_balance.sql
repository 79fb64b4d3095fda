-- Every month balances: ending MRR = the month before's + new + expansion + contraction + churn +
-- reactivation, contraction and churn are never positive, customers never negative. Rows returned
-- are failures. A null in any of them fails too.
{%- set new = adapter.quote('new') if target.type == 'bigquery' else 'new' %}
SELECT month
FROM (
  SELECT month, ending_mrr, {{ new }} AS new_mrr, expansion, contraction, churn, reactivation, customers,
    COALESCE(LAG(ending_mrr) OVER (ORDER BY month), 0) AS starting_mrr
  FROM {{ ref('mrr_movements') }}
) AS m
WHERE NOT COALESCE(ending_mrr = starting_mrr + new_mrr + expansion + contraction + churn + reactivation, FALSE)
   OR NOT COALESCE(contraction <= 0 AND churn <= 0 AND customers >= 0, FALSE)
