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

    /// <summary>The metadata.jsonl example (version "1.3"), pretty-printed as the document shows it.</summary>
    public const string MetadataLine = """
        {
          "api": 0,
          "version": "1.3",
          "task_id": "94baabeb-677d-467d-9659-5a98b7df1e26",
          "render_id": 188,
          "render": {
            "resolution": {
              "w": 512,
              "h": 512
            },
            "noise_threshold": 0.017,
            "engine": "vray",
            "denoise": true
          },
          "scene": {
            "id": 95,
            "arms": {
              "left": {
                "enabled": false,
                "elbow_yaw": 0,
                "elbow_roll": 0,
                "elbow_pitch": 50,
                "held_object": "none",
                "hand_gesture": "relaxed_spread",
                "held_object_pose_seed": 0
              },
              "right": {
                "enabled": false,
                "elbow_yaw": 0,
                "elbow_roll": 0,
                "elbow_pitch": 50,
                "held_object": "none",
                "hand_gesture": "relaxed_spread",
                "held_object_pose_seed": 0
              }
            },
            "body": {
              "height": "shorter",
              "enabled": true,
              "fat_content": "median"
            },
            "agent": {
              "style": "00021_Yvonne004",
              "enabled": false,
              "position_seed": 0
            },
            "camera": {
              "nir": {
                "enabled": false,
                "intensity": 4,
                "size_meters": 1
              },
              "location": {
                "depth_meters": 1,
                "vertical_angle": 0,
                "offset_vertical": 0,
                "horizontal_angle": 0,
                "offset_horizontal": 0
              },
              "specifications": {
                "focal_length": 28,
                "sensor_width": 33,
                "lens_shift_vertical": 0,
                "lens_shift_horizontal": 0,
                "window_offset_vertical": 0,
                "window_offset_horizontal": 0
              }
            },
            "version": 0,
            "clothing": {
              "type": "1",
              "enabled": true,
              "variant": "3"
            },
            "accessories": {
              "mask": {
                "style": "none",
                "variant": "0",
                "position": "2"
              },
              "glasses": {
                "style": "female_butterfly_sunglasses",
                "metalness": 0,
                "lens_color": "gray",
                "transparency": 1,
                "lens_color_rgb": [
                  158,
                  163,
                  167
                ]
              },
              "headwear": {
                "style": "none"
              },
              "headphones": {
                "style": "none"
              }
            },
            "environment": {
              "hdri": {
                "name": "lauter_waterfall",
                "rotation": 0,
                "intensity": 0.75
              },
              "lights": [
                {
                  "color": [
                    255,
                    255,
                    255
                  ],
                  "rotation": [
                    0,
                    0,
                    0
                  ],
                  "intensity": 0,
                  "size_meters": 0.25,
                  "distance_meters": 1.5
                }
              ],
              "geometry": "none",
              "location": {
                "id": 0,
                "enabled": false,
                "facing_direction": 0,
                "head_position_seed": 0,
                "indoor_light_enabled": false
              }
            },
            "facial_attributes": {
              "gaze": {
                "vertical_angle": 0,
                "horizontal_angle": 0
              },
              "hair": {
                "color": "light_ash_blonde",
                "style": "layered_01",
                "color_seed": 0,
                "relative_length": 1,
                "relative_density": 1
              },
              "head_turn": {
                "yaw": 0,
                "roll": 0,
                "pitch": 0
              },
              "expression": {
                "name": "none",
                "intensity": 0.75
              }
            },
            "identity_metadata": {
              "id": 95,
              "age": 25,
              "sex": "female",
              "ethnicity": "black",
              "height_cm": 160,
              "weight_kg": 80,
              "height_label": "shorter",
              "fat_content_label": "median"
            }
          }
        }
        """;
}
