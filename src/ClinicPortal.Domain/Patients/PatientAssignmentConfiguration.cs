using ClinicPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.Patients;

internal sealed class PatientAssignmentConfiguration : IEntityTypeConfiguration<PatientAssignment>
{
    public void Configure(EntityTypeBuilder<PatientAssignment> builder)
    {
        builder.HasKey(a => new { a.PatientId, a.PsychologistId });
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.PsychologistId).OnDelete(DeleteBehavior.Cascade);

        // A psychologist's patient list looks assignments up by psychologist.
        builder.HasIndex(a => a.PsychologistId).HasDatabaseName("IX_PatientAssignments_PsychologistId");
    }
}
