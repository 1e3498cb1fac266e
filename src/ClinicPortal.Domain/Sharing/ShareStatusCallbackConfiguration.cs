using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.Sharing;

internal sealed class ShareStatusCallbackConfiguration : IEntityTypeConfiguration<ShareStatusCallback>
{
    public void Configure(EntityTypeBuilder<ShareStatusCallback> builder)
    {
        builder.Property(c => c.ProviderStatus).HasMaxLength(20);
        builder.Property(c => c.ErrorCode).HasMaxLength(20);
        builder.HasOne<ProgressShare>().WithMany().HasForeignKey(c => c.ShareId).OnDelete(DeleteBehavior.Restrict);

        // A share's detail view lists its callbacks.
        builder.HasIndex(c => c.ShareId).HasDatabaseName("IX_ShareStatusCallbacks_ShareId");
    }
}
