"""The confidence model's fit, checked against scikit-learn's logistic regression."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression

from qa.calibration import fit_logistic
from qa.confidence import ConfidenceModel


def test_newton_fit_matches_scikit_learn() -> None:
    rng = np.random.default_rng(0)
    features = rng.normal(size=(300, 3))
    true = np.array([1.5, -2.0, 0.5])
    labels = (rng.random(300) < 1 / (1 + np.exp(-(features @ true - 0.3)))).astype(float)
    ours = fit_logistic(np.hstack([np.ones((300, 1)), features]), labels, l2=1.0)
    reference = LogisticRegression(C=1.0, tol=1e-10, max_iter=10_000).fit(features, labels)
    assert np.allclose(ours[1:], reference.coef_[0], atol=1e-4)
    assert abs(ours[0] - reference.intercept_[0]) < 1e-4


def test_probability_is_monotone_in_a_positive_weight() -> None:
    model = ConfidenceModel(weights={"bias": -1.0, "coverage": 4.0})
    assert model.probability({"bias": 1, "coverage": 0.9}) > model.probability({"bias": 1, "coverage": 0.1})


def test_unknown_feature_names_are_rejected() -> None:
    import pytest

    with pytest.raises(ValueError, match="unknown confidence feature"):
        ConfidenceModel(weights={"colour": 1.0})


def test_each_packaged_embedding_model_has_its_own_fitted_confidence(caplog) -> None:
    from index.packaged_models import MINILM
    from index.settings import DEFAULT_MODEL
    from qa.confidence import packaged_path

    assert packaged_path(DEFAULT_MODEL).name == "confidence.json"
    assert packaged_path(MINILM).name == "confidence-all-MiniLM-L6-v2.json"
    assert packaged_path("/models/my encoder").name == "confidence-models_my_encoder.json"
    default, minilm = ConfidenceModel.default(DEFAULT_MODEL), ConfidenceModel.default(MINILM)
    assert default.weights != minilm.weights  # similarities differ between the models
    assert not caplog.records
    assert ConfidenceModel.default("/models/my-encoder") == default
    assert "python -m qa.calibration" in caplog.text
