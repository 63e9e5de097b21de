namespace DataOps.Functions.Catalog;

/// <summary>Answer of <c>POST /api/templates/recommend</c>.</summary>
internal sealed record RecommendationResponse(string Industry, string UseCase, IReadOnlyList<TypeRecommendation> Results);
