using System.IO.Compression;
using System.Text;
using Azure.Storage.Blobs;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;
using DataOps.Functions.Staging;
using DataOps.MockData.Generation;
using DataOps.MockData.Records;
using DataOps.Tests.Infrastructure;
using DataOps.Tests.MockData;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.Functions.Staging;

public sealed class StagedCopyStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Created = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private readonly BlobServiceClient _blobs = new(azurite.ConnectionString);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(RepositoryTemplates.Paths), MemberType = typeof(RepositoryTemplates))]
    public async Task WriteThenRead_EveryTemplatesSandboxData_ReadsBackTheSameRecordsAndTheSameSchemaResult(string path)
    {
        var template = RepositoryTemplates.ByPath(path);
        var records = new MockDataGenerator().Generate(template, new GenerationRequest("acme", null, Created)).ToList();
        var store = NewStore(out _);
        var id = DatasetId.Create("ds-" + Guid.NewGuid().ToString("N")[..8]);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var copy = await store.WriteIfAbsentAsync(id, 1, records, Ct);
        var staging = watch.Elapsed;
        var read = await ReadAllAsync(store, id, 1, template.Schema);
        var reading = watch.Elapsed - staging;

        Assert.NotNull(copy);
        Assert.Equal(records.Count, copy.RecordCount);
        Assert.Equal(records.Select(Json), read.Records.Select(Json));
        Assert.Equal(copy, read.Copy);
        var before = SchemaValidator.Evaluate(records, template.Schema);
        var after = SchemaValidator.Evaluate(read.Records, template.Schema);
        Assert.Equal(before.Score, after.Score);
        Assert.Equal(before.Errors, after.Errors);
        Assert.Equal(before.Warnings, after.Warnings);
        TestContext.Current.TestOutputHelper?.WriteLine($"{template.Id}: {copy.RecordCount} records, {copy.SizeBytes} bytes as JSON lines, {copy.CompressedBytes} bytes staged (gzip); staged in {staging.TotalMilliseconds:0} ms, read back in {reading.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task WriteIfAbsentAsync_SameAttemptTwice_KeepsTheFirstCopyAndReportsNothingWritten()
    {
        var store = NewStore(out var container);
        var id = DatasetId.Create("ds-twice");
        var first = await store.WriteIfAbsentAsync(id, 1, [Record("1", "first")], Ct);
        var blob = _blobs.GetBlobContainerClient(container).GetBlobClient(StagedCopyStore.BlobName(id, 1));
        var etag = (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag;

        var second = await store.WriteIfAbsentAsync(id, 1, [Record("1", "second"), Record("2", "second")], Ct);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(etag, (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag);
        var read = await ReadAllAsync(store, id, 1, null);
        Assert.Equal("first", Assert.Single(read.Records)["title"]);
    }

    [Fact]
    public async Task SyncRevisions_EachGetsItsOwnCopy_AndDeleteSuperseded_KeepsOnlyTheCurrent()
    {
        var store = NewStore(out var container);
        var id = DatasetId.Create("ds-sync");
        await store.WriteIfAbsentAsync(id, 1, [Record("1", "population")], Ct);
        await store.WriteIfAbsentAsync(id, 1, 1, [Record("1", "first sync")], Ct);
        var current = await store.WriteIfAbsentAsync(id, 1, 2, [Record("1", "second sync"), Record("2", "second sync")], Ct);

        var deleted = await store.DeleteSupersededAsync(id, 1, 2, Ct);

        Assert.Equal(2, deleted);
        Assert.Equal(["ds-sync/attempt-1-sync-2.jsonl.gz"], await store.ListAsync(id, Ct));
        Assert.Equal($"{container}/ds-sync/attempt-1-sync-2.jsonl.gz", current!.Location);
        await using var opened = await store.OpenAsync(id, 1, 2, Ct);
        Assert.Equal(current, opened!.Copy);
        Assert.Equal(1, await store.DeleteEarlierAttemptsAsync(id, 2, Ct));
    }

    [Fact]
    public async Task Fingerprint_IsTheCopysSha256_AndChangesWithTheRecords()
    {
        var store = NewStore(out _);
        var records = new[] { Record("1", "a"), Record("2", "b") };

        var copy = await store.WriteIfAbsentAsync(DatasetId.Create("ds-fingerprint"), 1, records, Ct);

        Assert.Equal(await StagedCopyStore.FingerprintAsync(records, Ct), copy!.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", copy.Fingerprint);
        Assert.NotEqual(copy.Fingerprint, await StagedCopyStore.FingerprintAsync([Record("1", "a"), Record("2", "c")], Ct));
    }

    [Fact]
    public async Task WriteIfAbsentAsync_NewCopy_IsGzipJsonLinesAtTheDatasetAndAttempt()
    {
        var store = NewStore(out var container);
        var id = DatasetId.Create("ds-layout");

        var copy = await store.WriteIfAbsentAsync(id, 3, [Record("1", "a"), Record("2", "b")], Ct);

        Assert.Equal($"{container}/ds-layout/attempt-3.jsonl.gz", copy!.Location);
        var download = await _blobs.GetBlobContainerClient(container).GetBlobClient("ds-layout/attempt-3.jsonl.gz").DownloadContentAsync(Ct);
        Assert.Equal("gzip", download.Value.Details.ContentEncoding);
        await using var gzip = new GZipStream(download.Value.Content.ToStream(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        Assert.Equal("{\"id\":\"1\",\"title\":\"a\"}\n{\"id\":\"2\",\"title\":\"b\"}\n", await reader.ReadToEndAsync(Ct));
        Assert.Equal(copy.SizeBytes, Encoding.UTF8.GetByteCount("{\"id\":\"1\",\"title\":\"a\"}\n{\"id\":\"2\",\"title\":\"b\"}\n"));
    }

    [Fact]
    public async Task OpenAsync_NoCopy_ReturnsNull()
    {
        var store = NewStore(out _);

        Assert.Null(await store.OpenAsync(DatasetId.Create("ds-none"), 1, Ct));
    }

    [Fact]
    public async Task ReadAsync_CopyNotGzip_ThrowsInvalidData()
    {
        var store = NewStore(out var container);
        var id = DatasetId.Create("ds-damaged");
        var blobs = _blobs.GetBlobContainerClient(container);
        await blobs.CreateIfNotExistsAsync(cancellationToken: Ct);
        await blobs.GetBlobClient(StagedCopyStore.BlobName(id, 1)).UploadAsync(BinaryData.FromString("{\"id\":\"1\"}\n"), Ct);

        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(store, id, 1, null));
    }

    [Fact]
    public async Task DeleteEarlierAttemptsAsync_ThreeAttempts_KeepsOnlyTheCurrentOne()
    {
        var store = NewStore(out _);
        var id = DatasetId.Create("ds-retried");
        foreach (var attempt in new[] { 1, 2, 3 })
        {
            await store.WriteIfAbsentAsync(id, attempt, [Record("1", "a")], Ct);
        }

        var deleted = await store.DeleteEarlierAttemptsAsync(id, 3, Ct);

        Assert.Equal(2, deleted);
        Assert.Equal(["ds-retried/attempt-3.jsonl.gz"], await store.ListAsync(id, Ct));
    }

    [Fact]
    public async Task DeleteAllAsync_OneDatasetsCopies_LeavesOtherDatasetsAlone()
    {
        var store = NewStore(out _);
        await store.WriteIfAbsentAsync(DatasetId.Create("ds-a"), 1, [Record("1", "a")], Ct);
        await store.WriteIfAbsentAsync(DatasetId.Create("ds-a"), 2, [Record("1", "a")], Ct);
        await store.WriteIfAbsentAsync(DatasetId.Create("ds-ab"), 1, [Record("1", "a")], Ct);

        var deleted = await store.DeleteAllAsync(DatasetId.Create("ds-a"), Ct);

        Assert.Equal(2, deleted);
        Assert.Empty(await store.ListAsync(DatasetId.Create("ds-a"), Ct));
        Assert.Single(await store.ListAsync(DatasetId.Create("ds-ab"), Ct));
        Assert.Equal(0, await store.DeleteAllAsync(DatasetId.Create("ds-a"), Ct));
    }

    internal static async Task<(StagedCopy Copy, List<IReadOnlyDictionary<string, object?>> Records)> ReadAllAsync(StagedCopyStore store, DatasetId id, int attempt, TemplateSchema? schema)
    {
        await using var staged = await store.OpenAsync(id, attempt, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"no staged copy of {id.Value} attempt {attempt}");
        var records = new List<IReadOnlyDictionary<string, object?>>();
        await foreach (var record in staged.ReadAsync(schema, TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        return (staged.Copy, records);
    }

    private static string Json(IReadOnlyDictionary<string, object?> record) => Encoding.UTF8.GetString(RecordJsonWriter.Serialize(record));

    private static Dictionary<string, object?> Record(string id, string title) => new(StringComparer.Ordinal) { ["id"] = id, ["title"] = title };

    private StagedCopyStore NewStore(out string container)
    {
        container = AzuriteFixture.UniqueName("stg");
        return new StagedCopyStore(_blobs, Options.Create(new StagingOptions { ContainerName = container }));
    }
}
