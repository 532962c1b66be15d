namespace Codec.Tests.Formats;

/// <summary>The examples printed in the Synthesis seed specification (section "*.info.json File"), verbatim.</summary>
internal static class SeedExamples
{
    /// <summary>The "Pupil Coordinates" example. Its right pupil's camera and world positions are a copy of the left's.</summary>
    public const string PupilCoordinates = """
"pupil_coordinates": {
  "pupil_left": {
    "screen_space_pos": [
      0.5784899592399597,
      0.5743290781974792
    ],
    "camera_space_pos": [
      0.03564847633242607,
      -0.03375868871808052,
      -1.3762997388839722
    ],
    "distance_to_camera": 1.3771750926971436,
    "world_space_pos": [
      0.030104853212833405,
      0.27054131031036377,
      0.10770561546087265
    ]
  },
  "pupil_right": {
    "screen_space_pos": [
      0.44264423847198486,
      0.525549054145813
    ],
    "camera_space_pos": [
      0.03564847633242607,
      -0.03375868871808052,
      -1.3762997388839722
    ],
    "distance_to_camera": 1.3855191469192505,
    "world_space_pos": [
      0.030104853212833405,
      0.27054131031036377,
      0.10770561546087265
    ]
  }
}
""";

    /// <summary>The "Camera" example (512 x 512, 100 mm lens, 33 mm sensor; quaternion stored x,y,z,w).</summary>
    public const string Camera = """
"camera": {
  "intrinsics": [
    [
      1551.5151515151515,
      0.0,
      256.0
    ],
    [
      0,
      1551.5151515151515,
      256.0
    ],
    [
      0,
      0,
      1.0
    ]
  ],
  "field_of_view": {
    "y_axis_rads": 0.32705323764198635,
    "x_axis_rads": 0.32705323764198635
  },
  "focal_length_mm": 100.0,
  "transform_world2cam": {
    "mat_4x4": [
      [
        0.9965137705108044,
        0.0,
        0.0834284434850595,
        -0.0033371377394023813
      ],
      [
        0.0,
        1.0,
        0.0,
        -0.3043
      ],
      [
        -0.0834284434850595,
        0.0,
        0.9965137705108045,
        -1.4811182508204321
      ],
      [
        0.0,
        0.0,
        0.0,
        1.0
      ]
    ],
    "translation_xyz": [
      -0.0033371377394023813,
      -0.3043,
      -1.4811182508204321
    ],
    "quaternion_wxyz": [
      0.0,
      0.041750625679117394,
      0.0,
      0.9991280624901906
    ],
    "euler_xyz": [
      0.0,
      4.785660300000001,
      0.0
    ]
  },
  "sensor": {
    "width_mm": 33.0,
    "height_mm": 33.0
  },
  "transform_cam2world": {
    "mat_4x4": [
      [
        0.9965137705108045,
        0.0,
        -0.08342844348505951,
        -0.12024188657185686
      ],
      [
        0.0,
        1.0,
        0.0,
        0.3043
      ],
      [
        0.08342844348505951,
        0.0,
        0.9965137705108045,
        1.47623314490473
      ],
      [
        0.0,
        0.0,
        0.0,
        1.0
      ]
    ],
    "translation_xyz": [
      -0.12024188657185686,
      0.3043,
      1.47623314490473
    ],
    "quaternion_wxyz": [
      0.0,
      -0.041750625679117394,
      0.0,
      0.9991280624901906
    ],
    "euler_xyz": [
      0.0,
      -4.785660300000001,
      0.0
    ]
  }
}
""";
}
