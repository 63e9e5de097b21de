using System.Net;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.GleanEmulator;

/// <summary>Bulk-upload sessions: page order, concurrency refusal, restarts, stale deletion and its 20 % hold.</summary>
public sealed class BulkUploadContractTests(GleanSharedEmulator shared) : IAsyncLifetime, IClassFixture<GleanSharedEmulator>
{
    private const string Ds = "docs";
    private GleanEmulatorFixture _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await shared.ResetAsync();
        await _emulator.AddDatasourceAsync(Ds);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Bulk_FirstMiddleLast_StoresAllAndRecordsPagesInOrder()
    {
        var first = await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 3, "a"), first: true, last: false);
        var middle = await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 3, "b"), first: false, last: false);
        var last = await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 2, "c"), first: false, last: true);

        Assert.All(new[] { first.Status, middle.Status, last.Status }, s => Assert.Equal(HttpStatusCode.OK, s));
        var view = (await _emulator.GetDatasourceAsync(Ds))!;
        Assert.Equal(8, view.DocumentCount);
        var upload = Assert.Single(view.Uploads);
        Assert.Equal("SUCCESSFUL", upload.Status);
        Assert.Equal([3, 3, 2], upload.Pages.Select(p => p.DocumentCount));
        Assert.True(upload.Pages[0].IsFirstPage);
        Assert.True(upload.Pages[2].IsLastPage);
    }

    [Fact]
    public async Task Bulk_UnfinishedUpload_ShowsActiveInDebugStatus()
    {
        await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 1), first: true, last: false);

        var (_, body, _) = await _emulator.PostAsync($"api/index/v1/debug/{Ds}/status", null);

        var entry = body.GetProperty("documents").GetProperty("bulkUploadHistory")[0];
        Assert.Equal("u1", entry.GetProperty("uploadId").GetString());
        Assert.Equal("ACTIVE", entry.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bulk_SecondUploadWhileOneIsActive_Returns409()
    {
        await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 1), first: true, last: false);

        var (status, body, _) = await _emulator.BulkAsync(Ds, "u2", EmulatorCalls.Documents(Ds, 1, "x"), first: true, last: true);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("forceRestartUpload", body.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_PageOfAnotherUploadWhileOneIsActive_Returns409()
    {
        await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 1), first: true, last: false);

        var (status, _, _) = await _emulator.BulkAsync(Ds, "u2", EmulatorCalls.Documents(Ds, 1, "x"), first: false, last: false);

        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task Bulk_ForceRestartUpload_ReplacesTheUnfinishedUpload()
    {
        await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 2, "old"), first: true, last: false);

        var (status, _, _) = await _emulator.BulkAsync(Ds, "u2", EmulatorCalls.Documents(Ds, 3, "new"), first: true, last: true, force: true, disableStaleCheck: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var view = (await _emulator.GetDatasourceAsync(Ds))!;
        Assert.Equal(3, view.DocumentCount);
        Assert.Equal("u2", Assert.Single(view.Uploads).UploadId);
    }

    [Fact]
    public async Task Bulk_MiddlePageBeforeFirst_Returns400()
    {
        var (status, body, _) = await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 1), first: false, last: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("first page must come first", body.Message(), StringComparison.Ordinal);
        Assert.Equal(0, (await _emulator.GetDatasourceAsync(Ds))!.DocumentCount);
    }

    [Fact]
    public async Task Bulk_PageAfterLast_Returns400()
    {
        await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 1), first: true, last: true);

        var (status, body, _) = await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 1, "late"), first: false, last: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("already received its last page", body.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_LastPage_DeletesStaleDocumentsUpTo20Percent()
    {
        await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 10), first: true, last: true);

        // 8 of the 10 again plus 2 new: 2 of 12 (17 %) are stale and go.
        var next = EmulatorCalls.Documents(Ds, 8).Concat(EmulatorCalls.Documents(Ds, 2, "n")).ToArray();
        await _emulator.BulkAsync(Ds, "u2", next, first: true, last: true);

        var view = (await _emulator.GetDatasourceAsync(Ds))!;
        Assert.Equal(10, view.DocumentCount);
        Assert.Equal(2, view.Uploads[^1].StaleDeleted);
    }

    [Fact]
    public async Task Bulk_LastPageWouldDeleteOver20Percent_HoldsTheDeletion()
    {
        await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 10), first: true, last: true);

        var (status, _, _) = await _emulator.BulkAsync(Ds, "u2", EmulatorCalls.Documents(Ds, 5), first: true, last: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var view = (await _emulator.GetDatasourceAsync(Ds))!;
        Assert.Equal(10, view.DocumentCount);
        Assert.Equal(5, view.Uploads[^1].StaleHeld);
        Assert.Equal("SUCCESSFUL", view.Uploads[^1].Status);
    }

    [Fact]
    public async Task Bulk_DisableStaleCheck_DeletesEvenOver20Percent()
    {
        await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 10), first: true, last: true);

        await _emulator.BulkAsync(Ds, "u2", EmulatorCalls.Documents(Ds, 5), first: true, last: true, disableStaleCheck: true);

        Assert.Equal(5, (await _emulator.GetDatasourceAsync(Ds))!.DocumentCount);
    }

    [Fact]
    public async Task Bulk_ZeroDocumentsWithCheckDisabled_EmptiesTheDatasource()
    {
        await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 10), first: true, last: true);

        var (status, _, _) = await _emulator.BulkAsync(Ds, "empty", [], first: true, last: true, disableStaleCheck: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var (_, body, _) = await _emulator.PostAsync($"api/index/v1/debug/{Ds}/status", null);
        Assert.Equal(0, body.GetProperty("documents").GetProperty("counts").GetProperty("indexed").GetArrayLength());
    }

    [Fact]
    public async Task Bulk_MoreThan1000Documents_Returns413()
    {
        var (status, _, _) = await _emulator.BulkAsync(Ds, "u1", EmulatorCalls.Documents(Ds, 1001), first: true, last: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Empty((await _emulator.GetDatasourceAsync(Ds))!.Uploads);
    }

    [Fact]
    public async Task Bulk_MissingUploadId_Returns400()
    {
        var (status, body, _) = await _emulator.PostAsync("api/index/v1/bulkindexdocuments", new { datasource = Ds, documents = Array.Empty<object>(), isFirstPage = true, isLastPage = true });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("uploadId", body.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_InvalidDocument_Returns400AndOpensNoSession()
    {
        var bad = new { datasource = Ds, id = "a", objectType = "Document", viewURL = "ftp://nowhere/a" };

        var (status, _, _) = await _emulator.BulkAsync(Ds, "u1", [bad], first: true, last: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty((await _emulator.GetDatasourceAsync(Ds))!.Uploads);
    }

    [Fact]
    public async Task Bulk_UnknownDatasource_Returns400()
    {
        var (status, _, _) = await _emulator.BulkAsync("nothere", "u1", [], first: true, last: true);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
