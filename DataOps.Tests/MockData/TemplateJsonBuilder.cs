using System.Text;
using System.Text.Json.Nodes;

namespace DataOps.Tests.MockData;

/// <summary>A small valid <c>custom</c> template as a mutable JSON tree, for tests that break one thing at a time.</summary>
internal static class TemplateJsonBuilder
{
    public const string Path = "enterprise/test_case/custom.json";

    public static JsonObject Valid() => JsonNode.Parse("""
        {
          "metadata": { "industry": "enterprise", "use_case": "test_case", "dataset_type": "custom", "version": "1.0.0", "default_record_count": 40, "description": "test" },
          "schema": {
            "fields": [
              { "name": "id", "type": "string", "required": true, "max_length": 64 },
              { "name": "url", "type": "url", "required": true },
              { "name": "title", "type": "string", "required": true, "min_length": 5, "max_length": 80 },
              { "name": "body", "type": "text", "required": true, "min_length": 40, "max_length": 2000 },
              { "name": "category", "type": "string", "required": true, "enum": ["faq", "policy"] },
              { "name": "score", "type": "integer", "required": false, "minimum": 1, "maximum": 5 },
              { "name": "created_at", "type": "date_time", "required": true },
              { "name": "updated_at", "type": "date_time", "required": true }
            ],
            "relationships": []
          },
          "data": { "records": [
            { "id": "doc-1", "url": "https://docs.example.com/docs/1", "title": "FAQ: expenses", "body": "Expenses are submitted within thirty days of purchase.", "category": "faq", "score": 4, "created_at": "2025-01-02T10:00:00Z", "updated_at": "2025-01-03T10:00:00Z" },
            { "id": "doc-2", "url": "https://docs.example.com/docs/2", "title": "Policy: travel", "body": "Travel is booked through the travel desk at least two weeks ahead.", "category": "policy", "created_at": "2025-02-02T10:00:00Z", "updated_at": "2025-02-02T10:00:00Z" }
          ] },
          "generation": {
            "mix": { "field": "category", "weights": { "faq": 3, "policy": 1 } },
            "topics": ["expenses", "travel"], "components": ["finance portal"], "teams": ["Finance"], "labels": ["finance"],
            "people": [ { "name": "Avery Example", "role": "Analyst" } ],
            "sentences": ["The {component} handles {topic} for the {team} team.", "Ask {team} about {topic}."],
            "titles": { "faq": ["FAQ: {topic}"], "policy": ["Policy: {topic}"] }
          }
        }
        """)!.AsObject();

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
