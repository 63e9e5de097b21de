using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.GleanEmulator;

/// <summary>Raw JSON calls to the emulator, as any Glean client would make them.</summary>
public static class EmulatorCalls
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(
        this GleanEmulatorFixture emulator, string path, object? body, string? token = GleanEmulatorFixture.IndexingToken, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = body is null ? null : JsonContent.Create(body, options: Json),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        var response = await emulator.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json, response);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SearchAsync(
        this GleanEmulatorFixture emulator, object body, string? token = GleanEmulatorFixture.ClientToken, string? actAs = null) =>
        emulator.PostAsync("rest/api/v1/search", body, token, actAs is null ? null : new Dictionary<string, string> { ["X-Glean-ActAs"] = actAs });

    /// <summary>The ids of a search answer's results.</summary>
    public static IReadOnlyList<string> ResultIds(this JsonElement body) =>
        [.. body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("document").GetProperty("id").GetString()!)];

    public static async Task AddDatasourceAsync(this GleanEmulatorFixture emulator, string name, object? objectDefinitions = null)
    {
        var (status, body, _) = await emulator.PostAsync("api/index/v1/adddatasource", new
        {
            name,
            displayName = name,
            datasourceCategory = "PUBLISHED_CONTENT",
            urlRegex = "^https://docs\\.example\\.com/.*",
            objectDefinitions,
        });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    public static object Document(string datasource, string id, string title = "Title", string body = "Body", string objectType = "Document") => new
    {
        datasource,
        id,
        objectType,
        title,
        viewURL = $"https://docs.example.com/{id}",
        body = new { mimeType = "text/plain", textContent = body },
        permissions = new { allowAllDatasourceUsersAccess = true },
        createdAt = 1_740_000_000L,
        updatedAt = 1_740_000_100L,
    };

    public static object[] Documents(string datasource, int count, string prefix = "d") =>
        Enumerable.Range(0, count).Select(i => Document(datasource, $"{prefix}{i}")).ToArray();

    public static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> BulkAsync(
        this GleanEmulatorFixture emulator,
        string datasource,
        string uploadId,
        object[] documents,
        bool first,
        bool last,
        bool force = false,
        bool disableStaleCheck = false) =>
        emulator.PostAsync("api/index/v1/bulkindexdocuments", new
        {
            uploadId,
            datasource,
            documents,
            isFirstPage = first,
            isLastPage = last,
            forceRestartUpload = force,
            disableStaleDocumentDeletionCheck = disableStaleCheck,
        });

    /// <summary>Opens an upload with one empty first page and leaves it unfinished (as a crashed writer would).</summary>
    public static async Task BulkAsyncRaw(this GleanEmulatorFixture emulator, string datasource, string uploadId)
    {
        var (status, body, _) = await emulator.BulkAsync(datasource, uploadId, [], first: true, last: false);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    public static string Message(this JsonElement body) => body.GetProperty("message").GetString()!;
}
