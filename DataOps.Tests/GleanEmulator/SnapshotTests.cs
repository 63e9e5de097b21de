using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.GleanEmulator;

/// <summary><c>--snapshot</c>: state written at shutdown comes back at the next start.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public async Task Snapshot_StopAndStart_KeepsDatasourcesDocumentsAndUploads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"glean-snapshot-{Guid.NewGuid():N}.json");
        try
        {
            await using (var first = await GleanEmulatorFixture.StartAsync(o => o.SnapshotPath = path))
            {
                await first.AddDatasourceAsync("docs");
                await first.BulkAsync("docs", "u1", EmulatorCalls.Documents("docs", 4), first: true, last: true);
            }

            await using var second = await GleanEmulatorFixture.StartAsync(o => o.SnapshotPath = path);
            var view = await second.GetDatasourceAsync("docs");

            Assert.NotNull(view);
            Assert.Equal(4, view.DocumentCount);
            Assert.Equal("u1", Assert.Single(view.Uploads).UploadId);
            var (_, body, _) = await second.SearchAsync(new { query = "title" });
            Assert.Equal(4, body.GetProperty("results").GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
